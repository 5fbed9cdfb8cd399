package net.suyuan.ledger.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.suyuan.ledger.core.chain.ChainWriter;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.JsonArray;
import net.suyuan.ledger.core.json.JsonObject;

/** Reproducible chains of realistic-looking entries for tests. */
public final class SampleChains {
  private static final String[] CHANNELS = {"platform", "livestream", "social_group", "offline"};
  private static final String[] NAMES = {"六枝小黄姜", "陇南橄榄油", "赣南脐橙", "Ginger \"A\"\n"};

  private SampleChains() {}

  /** A chain of {@code count} entries (genesis included) from {@code seed}. */
  public static List<SealedEntry> chain(long seed, int count, HashAlg alg) {
    Random random = new Random(seed);
    MutableClock clock = new MutableClock(Instant.parse("2022-03-01T08:00:00Z"));
    List<SealedEntry> entries = new ArrayList<>(count);
    SealedEntry genesis =
        ChainWriter.genesis("ledger-" + seed, alg, "admin", JsonObject.empty(), clock);
    entries.add(genesis);
    ChainWriter writer = new ChainWriter(alg, genesis.head(), genesis.entry().ts(), clock);
    for (int i = 1; i < count; i++) {
      clock.advance(Duration.ofMillis(random.nextInt(5000)));
      entries.add(writer.append("coop-" + random.nextInt(10), "sale.recorded", body(random, i)));
    }
    return entries;
  }

  /** A sale-like body with nested objects, arrays, non-ASCII and escaped strings. */
  public static JsonObject body(Random random, long i) {
    return JsonObject.builder()
        .put("saleId", "S-" + i)
        .put("channel", CHANNELS[random.nextInt(CHANNELS.length)])
        .put("lotId", "LOT-" + random.nextInt(1000))
        .put("quantity", 1 + random.nextInt(100_000))
        .put("unitPriceFen", 1 + random.nextInt(20_000))
        .put("note", NAMES[random.nextInt(NAMES.length)])
        .put(
            "fees",
            JsonObject.builder()
                .put("platformFen", random.nextInt(500))
                .put("serviceFen", random.nextInt(500))
                .build())
        .put("tags", JsonArray.of())
        .put("occurredAt", "2022-03-01T07:00:00.000Z")
        .build();
  }

  /** A settable clock, so tests control recording time. */
  public static final class MutableClock extends Clock {
    private Instant now;

    public MutableClock(Instant now) {
      this.now = now;
    }

    public void advance(Duration d) {
      now = now.plus(d);
    }

    public void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
