package net.suyuan.ledger.core.chain;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.hash.EntryHasher;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.Jcs;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonValue;
import net.suyuan.ledger.core.json.RandomJson;
import org.junit.jupiter.api.Test;

/**
 * The spliced canonical form of an entry against its definition, RFC 8785 of the whole object; and
 * the regex-free actor and type checks against the patterns they replace. Seeded random inputs.
 */
class EntrySpliceTest {
  private static final long SEED = Long.getLong("test.seed", System.nanoTime());

  @Test
  void splicedBytesAreJcsOfTheWholeEntry() {
    Random random = new Random(SEED);
    EntryHasher hasher = new EntryHasher(HashAlg.SHA_256);
    for (int i = 0; i < 20_000; i++) {
      Map<String, JsonValue> members = new LinkedHashMap<>();
      for (int m = random.nextInt(6); m > 0; m--) {
        members.put(RandomJson.string(random), RandomJson.value(random, 1));
      }
      JsonObject body = new JsonObject(members);
      long seq =
          switch (random.nextInt(3)) {
            case 0 -> 1 + random.nextInt(10);
            case 1 -> 1 + random.nextLong(1L << 53 - 1);
            default -> (1L << 53) - 1;
          };
      long millis = random.nextLong(-62_167_219_200_000L, 253_402_300_800_000L);
      byte[] prevBytes = new byte[EntryHash.LENGTH];
      random.nextBytes(prevBytes);
      Entry entry =
          new Entry(
              seq,
              Instant.ofEpochMilli(millis),
              random.nextBoolean() ? "coop-1" : "org." + random.nextInt(1000) + "_x-y",
              random.nextBoolean() ? "harvest.delivered" : "a" + random.nextInt(99) + ".b_c.d",
              body,
              new EntryHash(prevBytes));
      byte[] expected = Jcs.canonicalize(entry.toJson());
      String context = "seed " + SEED + " (rerun with -Dtest.seed=" + SEED + "), case " + i;
      assertThat(new String(entry.canonicalBytes(), UTF_8))
          .as(context)
          .isEqualTo(new String(expected, UTF_8));
      SealedEntry sealed = SealedEntry.seal(entry, CanonicalBody.of(body), hasher);
      assertThat(sealed.canonical()).as(context).isEqualTo(expected);
      assertThat(sealed.hash())
          .as(context)
          .isEqualTo(new EntryHasher(HashAlg.SHA_256).hash(expected));
    }
  }

  @Test
  void actorAndTypeChecksMatchTheirPatterns() {
    Random random = new Random(SEED);
    String alphabet = "abcz09._-A\n é";
    for (int i = 0; i < 300_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(8) == 0 ? 60 + random.nextInt(8) : random.nextInt(9);
      for (int c = 0; c < length; c++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = s.toString();
      String context = "seed " + SEED + " (rerun with -Dtest.seed=" + SEED + "): '" + text + "'";
      assertThat(Entry.isActor(text)).as(context).isEqualTo(Entry.ACTOR.matcher(text).matches());
      assertThat(Entry.isType(text)).as(context).isEqualTo(Entry.TYPE.matcher(text).matches());
    }
  }
}
