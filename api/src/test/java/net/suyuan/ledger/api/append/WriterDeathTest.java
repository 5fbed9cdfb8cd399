package net.suyuan.ledger.api.append;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.suyuan.ledger.api.support.DeadWorkerProbes;
import net.suyuan.ledger.api.support.LedgerApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 11 defect 1: when the group-commit writer died (out of memory in the reported case),
 * appends waited forever and health said UP. Now every pending request is answered 503, later ones
 * at once, and liveness is DOWN. The writer stays dead, so the context is discarded afterwards.
 */
@LedgerApiTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WriterDeathTest {

  @Autowired WebTestClient http;
  @Autowired GroupCommitAppender appender;

  @Test
  void writerDeath_answersPendingAppends503_andTurnsLivenessDown() throws Exception {
    Writers w = new Writers(http);
    w.post(w.coopKey, w.b.site(w.id("base-a"))).expectStatus().isCreated();
    http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();

    appender.injectFault(new OutOfMemoryError("simulated by WriterDeathTest"));
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<HttpStatus>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String site = w.b.site(w.id("base-" + i + "-"));
        answers.add(clients.submit(() -> status(w.post(w.coopKey, site))));
      }
      for (Future<HttpStatus> answer : answers) {
        // WebTestClient's response timeout fails the request that gets no answer
        assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      }
    } finally {
      clients.shutdownNow();
    }

    DeadWorkerProbes.expectDead(http, "groupCommitWriter", "OutOfMemoryError");
    w.post(w.coopKey, w.b.site(w.id("base-late")))
        .expectStatus()
        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
        .expectHeader()
        .exists("Retry-After")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("ledger writer"));
  }

  private static HttpStatus status(WebTestClient.ResponseSpec response) {
    return HttpStatus.valueOf(response.returnResult(Void.class).getStatus().value());
  }
}
