package net.suyuan.ledger.api.append;

/** Event bodies for the write-path tests, after the examples in docs/events.md. */
final class Bodies {
  final String gtin;
  final String site;
  static final String T = "2022-03-01T08:00:00.000Z";
  static final String FEES =
      "{\"logisticsFen\":800,\"packagingFen\":300,\"platformFen\":1020,\"serviceFen\":2040}";

  /** Bodies for a product of {@code gtin} grown at {@code site}. */
  Bodies(String gtin, String site) {
    this.gtin = gtin;
    this.site = site;
  }

  /** A random valid GTIN-14 (GS1 mod-10 check digit), so tests sharing a database never collide. */
  static String randomGtin() {
    StringBuilder digits = new StringBuilder();
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < 13; i++) {
      digits.append(r.nextInt(10));
    }
    return net.suyuan.ledger.core.id.Gtin.completing(digits.toString()).value();
  }

  static String event(String type, String body) {
    return "{\"type\":\"" + type + "\",\"body\":" + body + "}";
  }

  static String batch(String... events) {
    return "{\"events\":[" + String.join(",", events) + "]}";
  }

  String product(String gtin) {
    return event(
        "product.registered",
        "{\"baseUnit\":\"g\",\"gtin\":\"" + gtin + "\",\"name\":\"清水绿茶 散装\"}");
  }

  String standard(String id, int version) {
    return event(
        "standard.published",
        "{\"grades\":[{\"grade\":\"A\",\"limits\":[{\"max\":70,\"metric\":\"moisture_permille\"}]}],"
            + "\"gtin\":\""
            + gtin
            + "\",\"standardId\":\""
            + id
            + "\",\"title\":\"清水绿茶团体标准\",\"version\":"
            + version
            + "}");
  }

  String site(String baseId) {
    return event(
        "site.registered",
        "{\"baseId\":\"" + baseId + "\",\"county\":\"安化县\",\"name\":\"东坡茶园\",\"village\":\"清水村\"}");
  }

  String household(String householdId, String coop) {
    return event(
        "household.enrolled",
        "{\"cooperative\":\""
            + coop
            + "\",\"householdId\":\""
            + householdId
            + "\",\"village\":\"清水村\"}");
  }

  String harvest(String lotId, String householdId, long quantity) {
    return event(
        "harvest.delivered",
        "{\"baseId\":\""
            + site
            + "\",\"gtin\":\""
            + gtin
            + "\",\"householdId\":\""
            + householdId
            + "\",\"lotId\":\""
            + lotId
            + "\",\"occurredAt\":\""
            + T
            + "\",\"quantity\":"
            + quantity
            + "}");
  }

  String grading(String input, long take, String output, long quantity) {
    return event(
        "lot.transformed",
        "{\"inputs\":[{\"lotId\":\""
            + input
            + "\",\"quantity\":"
            + take
            + "}],\"occurredAt\":\""
            + T
            + "\",\"outputs\":[{\"grade\":\"A\",\"gtin\":\""
            + gtin
            + "\",\"lotId\":\""
            + output
            + "\",\"quantity\":"
            + quantity
            + "}],\"process\":\"grading\"}");
  }

  String inspection(String lotId, String standardId, int version) {
    return event(
        "inspection.recorded",
        "{\"grade\":\"A\",\"lotId\":\""
            + lotId
            + "\",\"occurredAt\":\""
            + T
            + "\",\"passed\":true,\"results\":[{\"metric\":\"moisture_permille\",\"value\":62}],"
            + "\"standardId\":\""
            + standardId
            + "\",\"standardVersion\":"
            + version
            + "}");
  }

  String sale(String saleId, String lotId, long quantity) {
    return sale(saleId, lotId, Long.toString(quantity), T);
  }

  String sale(String saleId, String lotId, String quantity, String occurredAt) {
    return event(
        "sale.recorded",
        "{\"channel\":\"livestream\",\"fees\":"
            + FEES
            + ",\"lotId\":\""
            + lotId
            + "\",\"occurredAt\":\""
            + occurredAt
            + "\",\"pricePer\":1,\"quantity\":"
            + quantity
            + ",\"saleId\":\""
            + saleId
            + "\",\"unitPriceFen\":6800}");
  }

  /** A refund stating {@code feesReturned} (a JSON object, written as given). */
  String refund(
      String refundId, String saleId, long quantity, long amountFen, String feesReturned) {
    return event(
        "sale.refunded",
        "{\"amountFen\":"
            + amountFen
            + ",\"feesReturned\":"
            + feesReturned
            + ",\"occurredAt\":\""
            + T
            + "\",\"quantity\":"
            + quantity
            + ",\"refundId\":\""
            + refundId
            + "\",\"saleId\":\""
            + saleId
            + "\"}");
  }

  String refund(String refundId, String saleId, long quantity, long amountFen) {
    return event(
        "sale.refunded",
        "{\"amountFen\":"
            + amountFen
            + ",\"occurredAt\":\""
            + T
            + "\",\"quantity\":"
            + quantity
            + ",\"refundId\":\""
            + refundId
            + "\",\"saleId\":\""
            + saleId
            + "\"}");
  }

  String payout(String householdId) {
    return event(
        "payout.made",
        "{\"amountFen\":150000,\"householdId\":\""
            + householdId
            + "\",\"occurredAt\":\""
            + T
            + "\",\"reference\":\"TRF-1\"}");
  }

  String production(String lotId) {
    return event(
        "production.recorded",
        "{\"activity\":\"irrigation\",\"baseId\":\""
            + site
            + "\",\"lotId\":\""
            + lotId
            + "\",\"occurredAt\":\""
            + T
            + "\"}");
  }
}
