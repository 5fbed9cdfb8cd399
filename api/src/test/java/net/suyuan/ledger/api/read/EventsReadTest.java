package net.suyuan.ledger.api.read;

import static net.suyuan.ledger.api.read.ReadFixtures.entries;
import static net.suyuan.ledger.api.read.ReadFixtures.entryCanonical;
import static net.suyuan.ledger.api.read.ReadFixtures.object;
import static net.suyuan.ledger.api.read.ReadFixtures.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.LedgerFixture;
import net.suyuan.ledger.api.support.OwnDatabase;
import net.suyuan.ledger.api.support.TestJdbc;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.hash.EntryHasher;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.JsonNull;
import net.suyuan.ledger.core.json.JsonNumber;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** GET /api/v1/events, /events/{seq} and /lots/{lotId}/events over real HTTP, no key. */
@LedgerApiTest
@OwnDatabase
class EventsReadTest {

  static final int COUNT = 25;

  @Autowired WebTestClient http;
  @Autowired Environment env;

  List<SealedEntry> chain;

  @BeforeEach
  void chain() throws Exception {
    try (Connection c = TestJdbc.connect(env)) {
      chain = LedgerFixture.write(c, "main", HashAlg.SM3, COUNT).entries();
    }
  }

  /**
   * Leaves "main" as a fresh api finds it, a SHA-256 ledger holding its genesis entry: the api
   * chose the algorithm at start-up and keeps it for the ledger's life, so test classes that append
   * in this shared context after this one would otherwise write SHA-256 entries onto an SM3 chain
   * (they failed when run after this class with {@code -Dtest=EventsReadTest,AppendEventsTest}).
   */
  @AfterEach
  void restoreMainLedger() throws Exception {
    try (Connection c = TestJdbc.connect(env)) {
      LedgerFixture.write(c, "main", HashAlg.SHA_256, 1);
    }
  }

  private byte[] get(String uri) {
    return http.get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody()
        .returnResult()
        .getResponseBodyContent();
  }

  @Test
  void events_pagesThroughTheWholeChain_withNextAsTheCursor() {
    List<JsonObject> all = new ArrayList<>();
    String uri = "/api/v1/events?limit=10";
    List<JsonValue> nexts = new ArrayList<>();
    while (uri != null) {
      JsonObject page = object(get(uri));
      all.addAll(entries(get(uri)));
      JsonValue next = page.get("next").orElseThrow();
      nexts.add(next);
      uri =
          next instanceof JsonNumber n ? "/api/v1/events?limit=10&after=" + (long) n.value() : null;
    }
    assertThat(nexts).containsExactly(JsonNumber.of(9), JsonNumber.of(19), JsonNull.INSTANCE);
    assertThat(all).hasSize(COUNT);
    for (int i = 0; i < COUNT; i++) {
      assertServedFaithfully(all.get(i), chain.get(i));
    }
  }

  @Test
  void events_defaultsToGenesisAndLimit100() {
    List<JsonObject> page = entries(get("/api/v1/events"));
    assertThat(page).hasSize(COUNT);
    assertThat(string(page.get(0), "type")).isEqualTo("ledger.genesis");
    assertThat(object(get("/api/v1/events")).get("next")).contains(JsonNull.INSTANCE);
  }

  @Test
  void events_exactlyLimitLeft_hasNoNextPage() {
    JsonObject page = object(get("/api/v1/events?after=14&limit=10"));
    assertThat(entries(get("/api/v1/events?after=14&limit=10"))).hasSize(10);
    assertThat(page.get("next")).contains(JsonNull.INSTANCE);
    assertThat(entries(get("/api/v1/events?after=24"))).isEmpty();
    assertThat(entries(get("/api/v1/events?after=9999"))).isEmpty();
  }

  @Test
  void oneEvent_isTheStoredEntryPlusHash() {
    assertServedFaithfully(object(get("/api/v1/events/7")), chain.get(7));
    assertServedFaithfully(object(get("/api/v1/events/0")), chain.get(0));
  }

  @Test
  void oneEvent_absentSeq_is404Problem() {
    http.get()
        .uri("/api/v1/events/25")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("no entry with seq 25");
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvSource({
    "/api/v1/events/abc, seq",
    "/api/v1/events/-1, seq",
    "/api/v1/events/1.5, seq",
    "/api/v1/events?after=x, after",
    "/api/v1/events?after=-2, after",
    "/api/v1/events?after=99999999999999999999, after",
    "/api/v1/events?limit=0, limit",
    "/api/v1/events?limit=1001, limit",
    "/api/v1/events?limit=ten, limit",
    "/api/v1/events?limit=, limit",
    "/api/v1/lots/LOT-1/events?limit=5000, limit",
    "/api/v1/lots/LOT-1/events?after=a, after",
    "/api/v1/lots/LOT~1/events, lotId",
    "/api/v1/lots/ABCDEFGHIJKLMNOPQRSTU/events, lotId",
    "/api/v1/export?after=-5, after",
  })
  void badParameters_are400ProblemsNamingTheParameter(String uri, String field) {
    http.get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo(field);
  }

  @Test
  void lotEvents_areTheEntriesMentioningTheLot_inSeqOrder() {
    List<Long> expected = new ArrayList<>();
    for (long seq = 1; seq < COUNT; seq++) {
      if (LedgerFixture.saleLot(seq).equals("LOT-3")) {
        expected.add(seq);
      }
    }
    List<JsonObject> served = entries(get("/api/v1/lots/LOT-3/events"));
    assertThat(served.stream().map(e -> seq(e)).collect(Collectors.toList()))
        .isEqualTo(expected)
        .hasSizeGreaterThan(3);
    for (JsonObject e : served) {
      assertServedFaithfully(e, chain.get((int) seq(e)));
    }
    // a transform mentions its input and its output lot
    assertThat(entries(get("/api/v1/lots/G-20/events"))).hasSize(1);
  }

  @Test
  void lotEvents_page_likeEvents() {
    JsonObject first = object(get("/api/v1/lots/LOT-3/events?limit=2"));
    assertThat(first.get("next")).contains(JsonNumber.of(8));
    List<JsonObject> rest = entries(get("/api/v1/lots/LOT-3/events?after=8&limit=2"));
    assertThat(rest.stream().map(e -> seq(e))).containsExactly(13L, 18L);
  }

  @Test
  void lotEvents_unknownLot_isAnEmptyList() {
    JsonObject page = object(get("/api/v1/lots/NOPE-42/events"));
    assertThat(entries(get("/api/v1/lots/NOPE-42/events"))).isEmpty();
    assertThat(page.get("next")).contains(JsonNull.INSTANCE);
  }

  private static long seq(JsonObject entry) {
    return (long) ((JsonNumber) entry.get("seq").orElseThrow()).value();
  }

  /** Same entry, same canonical bytes, and the served canonical string re-hashes to the hash. */
  private static void assertServedFaithfully(JsonObject served, SealedEntry stored) {
    String canonical = new String(stored.canonical(), StandardCharsets.UTF_8);
    assertThat(string(served, "canonical")).isEqualTo(canonical);
    assertThat(string(served, "hash")).isEqualTo(stored.hash().hex());
    assertThat(new String(entryCanonical(served), StandardCharsets.UTF_8)).isEqualTo(canonical);
    EntryHash rehashed =
        new EntryHasher(HashAlg.SM3)
            .hash(string(served, "canonical").getBytes(StandardCharsets.UTF_8));
    assertThat(rehashed).isEqualTo(stored.hash());
  }
}
