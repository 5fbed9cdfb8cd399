package net.suyuan.ledger.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import net.suyuan.ledger.core.event.LotTransformed.LotInput;
import net.suyuan.ledger.core.event.LotTransformed.LotOutput;
import net.suyuan.ledger.core.event.ProductRegistered.ReferencePrice;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.BaseUnit;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.id.RefundId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.json.Jcs;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * The lean reader against the strict parse: on seeded random events of the seven income types (and
 * random byte mutations of their canonical bodies) whatever the lean reader returns equals what
 * {@link EventTypes#parse} gives for the same bytes, and it declines everything the strict parse
 * refuses. A failure names its seed; rerun one with {@code -Dlean.seed=N}.
 */
class LeanBodyReaderTest {
  private static final int RUNS = 40;
  private static final int EVENTS_PER_RUN = 500;
  private static final String PSEUDONYM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";
  private static final String SET82 =
      "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

  @Test
  void randomEvents_leanEqualsStrict_andMutationsNeverDiverge() {
    String fixed = System.getProperty("lean.seed");
    long base = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
    int runs = fixed != null ? 1 : RUNS;
    long[] counts = new long[3]; // read lean, declined (escapes or non-ASCII), mutations accepted
    for (int run = 0; run < runs; run++) {
      long seed = base + run;
      try {
        check(new Random(seed), counts);
      } catch (Throwable t) {
        throw new AssertionError("failed with seed " + seed + " (-Dlean.seed=" + seed + ")", t);
      }
    }
    assertTrue(
        counts[0] > counts[1], "the lean path is the common one: " + Arrays.toString(counts));
  }

  private static void check(Random r, long[] counts) throws Exception {
    LeanBodyReader lean = new LeanBodyReader();
    for (int i = 0; i < EVENTS_PER_RUN; i++) {
      LedgerEvent event = randomEvent(r);
      byte[] body = Jcs.canonicalize(event.toBody());
      LedgerEvent read = lean.read(event.type(), body, 0, body.length);
      if (read == null) {
        assertTrue(needsStrict(body), () -> "declined a plain body: " + text(body));
        counts[1]++;
      } else {
        assertEquals(event, read, () -> text(body));
        counts[0]++;
      }
      assertEquals(event, strict(event.type(), body, 0, body.length), () -> text(body));
      // the body inside a longer buffer, as the feed passes it (offsets, bytes either side)
      byte[] framed = frame(body);
      LedgerEvent inFrame = lean.read(event.type(), framed, 7, 7 + body.length);
      assertEquals(read, inFrame, () -> text(body));
      for (int m = 0; m < 8; m++) {
        byte[] mutated = mutate(r, body);
        LedgerEvent leanMutated = lean.read(event.type(), mutated, 0, mutated.length);
        if (leanMutated != null) {
          counts[2]++;
          assertEquals(
              strict(event.type(), mutated, 0, mutated.length),
              leanMutated,
              () -> "lean accepted what strict reads otherwise or refuses: " + text(mutated));
        }
      }
    }
  }

  @Test
  void declines_whatItCannotProve() {
    LeanBodyReader lean = new LeanBodyReader();
    String ok =
        "{\"amountFen\":100,\"householdId\":\"hh-1\",\"occurredAt\":\"2022-03-01T08:00:00.000Z\"}";
    assertNotNull(read(lean, PayoutMade.TYPE, ok));
    for (String bad :
        List.of(
            ok.replace("100", "100.0"), // strict reads 1.0e2 as an integer; lean leaves it to it
            ok.replace("100", "1e2"),
            ok.replace("100", "-0"),
            ok.replace("100", "0100"),
            ok.replace("100", "9007199254740992"), // 2^53
            ok.replace("hh-1", "hh\\u002d1"), // an escape
            ok.replace("hh-1", "hh-1 "), // not a pseudonym
            ok.replace("08:00:00", "24:00:00"),
            ok.replace("03-01", "02-30"),
            ok.replace("}", ",\"x\":1}"), // unknown member
            ok.replace("{", "{ "), // whitespace: not canonical
            "{\"householdId\":\"hh-1\",\"amountFen\":100,\"occurredAt\":\"2022-03-01T08:00:00.000Z\"}",
            ok + " ",
            ok.substring(0, ok.length() - 1))) {
      assertNull(read(lean, PayoutMade.TYPE, bad), bad);
    }
    assertNull(read(lean, SiteRegistered.TYPE, "{}"), "types it does not read");
    assertNull(
        read(lean, WageRecorded.TYPE, ok.replace("\"householdId\"", "\"days\":4294967297,\"h")),
        "days beyond int");
  }

  private static LedgerEvent read(LeanBodyReader lean, String type, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return lean.read(type, b, 0, b.length);
  }

  /** The strict parse of the bytes, or null where it refuses them. */
  private static LedgerEvent strict(String type, byte[] in, int start, int end) {
    try {
      JsonValue v = JsonParser.parse(in, start, end - start);
      return v instanceof JsonObject o ? EventTypes.parse(type, o) : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static boolean needsStrict(byte[] body) {
    for (byte b : body) {
      if (b == '\\' || b < 0x20) { // escapes or non-ASCII (negative)
        return true;
      }
    }
    return false;
  }

  private static byte[] frame(byte[] body) {
    byte[] f = new byte[body.length + 14];
    Arrays.fill(f, (byte) ',');
    System.arraycopy(body, 0, f, 7, body.length);
    return f;
  }

  private static byte[] mutate(Random r, byte[] body) {
    byte[] digitsAndSyntax = "0123456789,:{}[]\"\\.e-Ax ".getBytes(StandardCharsets.US_ASCII);
    int at = r.nextInt(body.length);
    byte b = digitsAndSyntax[r.nextInt(digitsAndSyntax.length)];
    switch (r.nextInt(3)) {
      case 0 -> {
        byte[] m = body.clone();
        m[at] = r.nextInt(8) == 0 ? (byte) r.nextInt(256) : b;
        return m;
      }
      case 1 -> {
        byte[] m = new byte[body.length + 1];
        System.arraycopy(body, 0, m, 0, at);
        m[at] = b;
        System.arraycopy(body, at, m, at + 1, body.length - at);
        return m;
      }
      default -> {
        byte[] m = new byte[body.length - 1];
        System.arraycopy(body, 0, m, 0, at);
        System.arraycopy(body, at + 1, m, at, body.length - at - 1);
        return m;
      }
    }
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  // --- random valid events --------------------------------------------------------------------

  /** A refund, half of them stating the fees returned (a split of at most the amount). */
  private static SaleRefunded refunded(Random r) {
    Fen amount = fen(r);
    Optional<SaleFees> returned = Optional.empty();
    if (r.nextBoolean()) {
      long left = amount.value();
      long[] f = new long[4];
      for (int i = 0; i < 4 && left > 0; i++) {
        f[i] = r.nextInt(3) == 0 ? 0 : Math.floorMod(r.nextLong(), left + 1);
        left -= f[i];
      }
      returned = Optional.of(new SaleFees(Fen.of(f[0]), Fen.of(f[1]), Fen.of(f[2]), Fen.of(f[3])));
    }
    return new SaleRefunded(refund(r), saleId(r), quantity(r), amount, returned, instant(r));
  }

  static LedgerEvent randomEvent(Random r) {
    return switch (r.nextInt(7)) {
      case 0 ->
          new HarvestDelivered(lot(r), gtin(r), household(r), base(r), quantity(r), instant(r));
      case 1 -> transformed(r);
      case 2 -> sale(r);
      case 3 -> refunded(r);
      case 4 ->
          new WageRecorded(
              household(r),
              base(r),
              Fen.of(1 + (long) (r.nextDouble() * (Fen.MAX - 1))),
              r.nextBoolean() ? OptionalInt.empty() : OptionalInt.of(1 + r.nextInt(366)),
              instant(r));
      case 5 ->
          new PayoutMade(
              household(r),
              Fen.of(1 + r.nextInt(1_000_000)),
              r.nextBoolean() ? Optional.empty() : Optional.of(text(r, 1 + r.nextInt(64))),
              instant(r));
      default ->
          new ProductRegistered(
              gtin(r),
              text(r, 1 + r.nextInt(100)),
              BaseUnit.values()[r.nextInt(3)],
              r.nextBoolean()
                  ? Optional.empty()
                  : Optional.of(new ReferencePrice(fen(r), quantity(r))));
    };
  }

  private static LotTransformed transformed(Random r) {
    List<LotInput> inputs = new ArrayList<>();
    List<LotOutput> outputs = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      inputs.add(new LotInput(LotId.of("in" + i + "-" + r.nextInt(1000)), quantity(r)));
    }
    int m = 1 + r.nextInt(3);
    for (int i = 0; i < m; i++) {
      Optional<String> grade = r.nextBoolean() ? Optional.empty() : Optional.of(text(r, 16));
      outputs.add(
          new LotOutput(LotId.of("out" + i + "-" + r.nextInt(1000)), gtin(r), quantity(r), grade));
    }
    return new LotTransformed(
        TransformProcess.values()[r.nextInt(TransformProcess.values().length)],
        inputs,
        outputs,
        instant(r));
  }

  private static SaleRecorded sale(Random r) {
    long per = r.nextInt(4) == 0 ? 1 : 1 + r.nextInt(1000);
    long units = 1 + r.nextInt(1000);
    long unitPrice = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(100_000);
    long gross = units * unitPrice;
    long[] fees = new long[4];
    long left = gross;
    for (int i = 0; i < 4; i++) {
      fees[i] = left == 0 || r.nextBoolean() ? 0 : (long) (r.nextDouble() * (left / 2 + 1));
      left -= fees[i];
    }
    return new SaleRecorded(
        saleId(r),
        Channel.values()[r.nextInt(4)],
        lot(r),
        Quantity.of(units * per),
        Fen.of(unitPrice),
        Quantity.of(per),
        new SaleFees(Fen.of(fees[0]), Fen.of(fees[1]), Fen.of(fees[2]), Fen.of(fees[3])),
        instant(r));
  }

  private static String chars(Random r, String set, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(set.charAt(r.nextInt(set.length())));
    }
    return b.toString();
  }

  /** Free text: mostly ASCII, sometimes Chinese or a quote or backslash (escaped in JSON). */
  private static String text(Random r, int max) {
    int n = 1 + r.nextInt(max);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(40);
      b.append(k == 0 ? '茶' : k == 1 ? '"' : k == 2 ? '\\' : (char) ('a' + r.nextInt(26)));
    }
    return b.toString();
  }

  private static LotId lot(Random r) {
    return LotId.of(chars(r, SET82, 1 + r.nextInt(20)));
  }

  private static Gtin gtin(Random r) {
    return Gtin.completing(String.format("%013d", (long) (r.nextDouble() * 1e13)));
  }

  private static HouseholdId household(Random r) {
    return HouseholdId.of(chars(r, PSEUDONYM, 1 + r.nextInt(32)));
  }

  private static BaseId base(Random r) {
    return BaseId.of(chars(r, PSEUDONYM, 1 + r.nextInt(32)));
  }

  private static SaleId saleId(Random r) {
    return SaleId.of(chars(r, PSEUDONYM, 1 + r.nextInt(32)));
  }

  private static RefundId refund(Random r) {
    return RefundId.of(chars(r, PSEUDONYM, 1 + r.nextInt(32)));
  }

  private static Quantity quantity(Random r) {
    return Quantity.of(
        r.nextInt(20) == 0 ? Quantity.MAX : 1 + (long) (r.nextDouble() * r.nextInt(1_000_000)));
  }

  private static Fen fen(Random r) {
    int k = r.nextInt(20);
    return Fen.of(k == 0 ? Fen.MAX : k == 1 ? 0 : (long) (r.nextDouble() * 10_000_000));
  }

  /** Any millisecond of years 0000-9999, sometimes a month's last day or a leap day. */
  private static Instant instant(Random r) {
    long min = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    long max = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    if (r.nextInt(10) == 0) {
      return Instant.parse(
          List.of(
                  "2024-02-29T23:59:59.999Z",
                  "2000-02-29T00:00:00.000Z",
                  "0000-01-01T00:00:00.000Z",
                  "9999-12-31T23:59:59.999Z")
              .get(r.nextInt(4)));
    }
    return Instant.ofEpochMilli(min + (long) (r.nextDouble() * (max - min)));
  }
}
