package net.suyuan.ledger.api.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.LedgerFixture;
import net.suyuan.ledger.api.support.OwnDatabase;
import net.suyuan.ledger.api.support.TestJdbc;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.verify.AuditReport;
import net.suyuan.ledger.core.verify.ExportVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** GET /api/v1/export: NDJSON of the stored canonical bytes, resumable, over several pages. */
@LedgerApiTest
@OwnDatabase
class ExportTest {

  /** More than two export pages, ending in a partial one. */
  static final int COUNT = 2 * ExportController.PAGE_SIZE + 321;

  @Autowired WebTestClient http;
  @Autowired Environment env;
  @Autowired EntryStore store;

  LedgerFixture.Chain chain;

  @BeforeEach
  void chain() throws Exception {
    try (Connection c = TestJdbc.connect(env)) {
      chain = LedgerFixture.write(c, "main", HashAlg.SHA_256, COUNT);
    }
  }

  private Flux<DataBuffer> export(String query) {
    return http.get()
        .uri("/api/v1/export" + query)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType("application/x-ndjson")
        .returnResult(DataBuffer.class)
        .getResponseBody();
  }

  private static Mono<byte[]> joined(Flux<DataBuffer> body) {
    return DataBufferUtils.join(body)
        .map(
            buffer -> {
              byte[] bytes = new byte[buffer.readableByteCount()];
              buffer.read(bytes);
              DataBufferUtils.release(buffer);
              return bytes;
            });
  }

  private static byte[] ndjson(List<SealedEntry> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (SealedEntry e : entries) {
      out.writeBytes(e.canonical());
      out.write('\n');
    }
    return out.toByteArray();
  }

  @Test
  void export_isTheCanonicalBytesLineForLine_andVerifiesWithCoreExportVerifier() {
    StepVerifier.create(joined(export("")))
        .assertNext(
            bytes -> {
              assertThat(Arrays.equals(bytes, ndjson(chain.entries())))
                  .as("export equals the stored canonical bytes, one per line")
                  .isTrue();
              AuditReport report = verify(bytes);
              assertThat(report.ok()).isTrue();
              assertThat(report.verified()).isEqualTo(COUNT);
              assertThat(report.head()).contains(chain.head());
            })
        .verifyComplete();
  }

  @Test
  void export_afterK_resumesAtKPlusOne() {
    int k = ExportController.PAGE_SIZE + 10;
    StepVerifier.create(joined(export("?after=" + k)))
        .assertNext(
            bytes ->
                assertThat(Arrays.equals(bytes, ndjson(chain.entries().subList(k + 1, COUNT))))
                    .isTrue())
        .verifyComplete();
  }

  @Test
  void export_afterHead_isEmpty() {
    StepVerifier.create(export("?after=" + (COUNT - 1))).verifyComplete();
  }

  @Test
  void keysetPages_areQueriedOnDemand_andEndAtTheShortPage() {
    StepVerifier.create(store.pagesAfter(-1, ExportController.PAGE_SIZE), 1)
        .assertNext(p -> assertThat(p.get(0).seq()).isZero())
        .expectNoEvent(Duration.ofMillis(100))
        .thenRequest(1)
        .assertNext(p -> assertThat(p.get(0).seq()).isEqualTo(ExportController.PAGE_SIZE))
        .thenRequest(1)
        .assertNext(p -> assertThat(p).hasSize(321))
        .verifyComplete();
  }

  private static AuditReport verify(byte[] export) {
    try {
      return ExportVerifier.verify(new ByteArrayInputStream(export), Optional.empty(), 0, n -> {});
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
