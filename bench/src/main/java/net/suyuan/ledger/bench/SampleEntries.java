package net.suyuan.ledger.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.suyuan.ledger.core.chain.ChainWriter;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.JsonObject;

/** Realistic sale entries (~330 bytes canonical, some non-ASCII) for the harnesses. */
final class SampleEntries {
  private static final String[] CHANNELS = {"platform", "livestream", "social_group", "offline"};

  private SampleEntries() {}

  static List<SealedEntry> chain(int count, HashAlg alg, long seed) {
    Random random = new Random(seed);
    Clock clock = Clock.fixed(Instant.parse("2022-03-01T08:00:00Z"), ZoneOffset.UTC);
    SealedEntry genesis = ChainWriter.genesis("bench", alg, "admin", JsonObject.empty(), clock);
    ChainWriter writer = new ChainWriter(alg, genesis.head(), genesis.entry().ts(), clock);
    List<SealedEntry> entries = new ArrayList<>(count);
    entries.add(genesis);
    for (int i = 1; i < count; i++) {
      entries.add(writer.append("seller-" + random.nextInt(20), "sale.recorded", sale(random, i)));
    }
    return entries;
  }

  static JsonObject sale(Random random, long i) {
    return JsonObject.builder()
        .put("saleId", "S-" + i)
        .put("channel", CHANNELS[random.nextInt(CHANNELS.length)])
        .put("lotId", "LZ-2022-A" + random.nextInt(1000))
        .put("quantity", 500L * (1 + random.nextInt(20)))
        .put("unitPriceFen", 800 + random.nextInt(800))
        .put("pricePer", 500)
        .put(
            "fees",
            JsonObject.builder()
                .put("platformFen", random.nextInt(500))
                .put("serviceFen", random.nextInt(300))
                .put("logisticsFen", random.nextInt(1200))
                .put("packagingFen", random.nextInt(200))
                .build())
        .put("note", "六枝小黄姜 直播间")
        .put("occurredAt", "2022-03-01T07:00:00.000Z")
        .build();
  }
}
