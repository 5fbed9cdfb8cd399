package net.suyuan.ledger.core.verify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import net.suyuan.ledger.core.chain.Entry;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.chain.Timestamps;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.CanonicalScanner;
import net.suyuan.ledger.core.json.Jcs;
import net.suyuan.ledger.core.json.JsonNumber;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;
import net.suyuan.ledger.core.json.JsonValue;
import net.suyuan.ledger.core.testing.SampleChains;
import org.junit.jupiter.api.Test;

/**
 * The fast path may only ever say yes to an entry the definition accepts: checked against an oracle
 * written from docs/ledger-format.md on valid entries and on random single-byte mutations.
 */
class EntryTemplateTest {
  private static final long SEED = Long.getLong("test.seed", System.nanoTime());
  private static final Set<String> MEMBERS =
      Set.of("v", "seq", "ts", "actor", "type", "body", "prev");

  @Test
  void fastPath_acceptsExactlyWhatTheDefinitionAccepts() {
    Random random = new Random(SEED);
    // One template throughout: what it remembers from earlier candidates (valid or mutated) must
    // never change a verdict.
    EntryTemplate template = new EntryTemplate(new CanonicalScanner());
    int accepted = 0;
    for (int c = 0; c < 300; c++) {
      List<SealedEntry> chain =
          SampleChains.chain(random.nextLong(), 2 + random.nextInt(20), HashAlg.SHA_256);
      int k = 1 + random.nextInt(chain.size() - 1);
      byte[] prevHex = chain.get(k - 1).hash().hex().getBytes(UTF_8);
      byte[] line = chain.get(k).canonical();
      for (int m = 0; m < 20; m++) {
        byte[] candidate = m == 0 ? line : mutate(random, line);
        boolean fast = template.matches(candidate, 0, candidate.length, k, prevHex);
        boolean oracle = oracle(candidate, k, new String(prevHex, UTF_8));
        assertThat(fast)
            .as(
                "seed %d (rerun with -Dtest.seed=%d), case %d.%d: %s",
                SEED, SEED, c, m, new String(candidate, UTF_8))
            .isEqualTo(oracle);
        accepted += fast ? 1 : 0;
      }
    }
    assertThat(accepted)
        .as("the valid entries themselves take the fast path")
        .isGreaterThanOrEqualTo(300);
  }

  private static final byte[] MUTANTS = "0123456789abcdef\"{}:,. Zz-\\\u00e9".getBytes(UTF_8);

  private static byte[] mutate(Random random, byte[] line) {
    byte[] m = line.clone();
    m[random.nextInt(m.length)] = MUTANTS[random.nextInt(MUTANTS.length)];
    return m;
  }

  /** docs/ledger-format.md §1-§5 for an entry after genesis, straight from the definition. */
  private static boolean oracle(byte[] b, long seq, String prevHex) {
    try {
      if (!Jcs.isCanonical(b) || !(JsonParser.parse(b) instanceof JsonObject o)) {
        return false;
      }
      if (!o.members().keySet().equals(MEMBERS)) {
        return false;
      }
      Timestamps.parse(string(o, "ts"));
      return number(o, "v") == 1
          && number(o, "seq") == seq
          && prevHex.equals(string(o, "prev"))
          && Entry.ACTOR.matcher(string(o, "actor")).matches()
          && Entry.TYPE.matcher(string(o, "type")).matches()
          && !Entry.GENESIS_TYPE.equals(string(o, "type"))
          && o.get("body").orElseThrow() instanceof JsonObject;
    } catch (Exception e) {
      return false;
    }
  }

  private static String string(JsonObject o, String name) {
    JsonValue v = o.get(name).orElseThrow();
    if (!(v instanceof JsonString s)) {
      throw new IllegalArgumentException(name);
    }
    return s.value();
  }

  private static long number(JsonObject o, String name) {
    JsonValue v = o.get(name).orElseThrow();
    return v instanceof JsonNumber n && n.isSafeInteger() ? n.longValueExact() : -1;
  }
}
