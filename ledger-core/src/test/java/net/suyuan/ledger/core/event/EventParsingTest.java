package net.suyuan.ledger.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParser;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Strict parsing: the error names the exact field path and says what is wrong. */
class EventParsingTest {
  private static final String TRANSFORM =
      "{\"process\":\"grading\",\"inputs\":[{\"lotId\":\"H1\",\"quantity\":100},"
          + "{\"lotId\":\"H2\",\"quantity\":%s}],"
          + "\"outputs\":[{\"lotId\":\"G1\",\"gtin\":\"6901234500004\",\"quantity\":90}],"
          + "\"occurredAt\":\"2022-03-01T08:00:00.000Z\"}";

  private static final String SALE =
      "{\"saleId\":\"S1\",\"channel\":\"platform\",\"lotId\":\"G1\",\"quantity\":%s,"
          + "\"unitPriceFen\":2500%s,\"fees\":{\"platformFen\":100,\"serviceFen\":0,"
          + "\"logisticsFen\":%s,\"packagingFen\":0},\"occurredAt\":\"%s\"}";

  static JsonObject json(String text) throws Exception {
    return (JsonObject) JsonParser.parse(text);
  }

  static String sale(String quantity, String pricePer, String logistics, String occurredAt) {
    String per = pricePer == null ? "" : ",\"pricePer\":" + pricePer;
    return String.format(SALE, quantity, per, logistics, occurredAt);
  }

  static void assertRejected(ThrowingCallable call, String field, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            EventValidationException.class,
            e -> assertThat(e.first()).isEqualTo(new FieldError(field, message)));
  }

  @Test
  void transform_floatQuantityInSecondInput_rejectedNamingInputsOneQuantity() {
    assertRejected(
        () -> LotTransformed.fromBody(json(String.format(TRANSFORM, "1.5"))),
        "inputs[1].quantity",
        "must be an integer within ±(2^53-1), got the number 1.5");
  }

  @Test
  void transform_zeroQuantity_rejectedAsNotPositive() {
    assertRejected(
        () -> LotTransformed.fromBody(json(String.format(TRANSFORM, "0"))),
        "inputs[1].quantity",
        "quantity must be positive, got 0");
  }

  @Test
  void transform_negativeQuantity_rejectedAsNotPositive() {
    assertRejected(
        () -> LotTransformed.fromBody(json(String.format(TRANSFORM, "-3"))),
        "inputs[1].quantity",
        "quantity must be positive, got -3");
  }

  @Test
  void transform_unsafeInteger_rejected() {
    assertRejected(
        () -> LotTransformed.fromBody(json(String.format(TRANSFORM, "9007199254740993"))),
        "inputs[1].quantity",
        "must be an integer within ±(2^53-1), got the number 9007199254740992");
  }

  @Test
  void transform_stringQuantity_rejectedNamingField() {
    assertRejected(
        () -> LotTransformed.fromBody(json(String.format(TRANSFORM, "\"100\""))),
        "inputs[1].quantity",
        "must be an integer within ±(2^53-1), got a string");
  }

  @Test
  void transform_nullQuantity_rejected() {
    assertRejected(
        () -> LotTransformed.fromBody(json(String.format(TRANSFORM, "null"))),
        "inputs[1].quantity",
        "must be an integer within ±(2^53-1), got null");
  }

  @Test
  void transform_unknownMemberInNestedObject_rejectedWithPath() {
    String body =
        String.format(TRANSFORM, "5").replace("\"quantity\":90", "\"quantity\":90,\"x\":1");
    assertRejected(() -> LotTransformed.fromBody(json(body)), "outputs[0].x", "unknown member");
  }

  @Test
  void transform_sameInputLotTwice_rejected() {
    String body = String.format(TRANSFORM, "5").replace("\"H2\"", "\"H1\"");
    assertRejected(
        () -> LotTransformed.fromBody(json(body)), "inputs[1].lotId", "lot H1 is listed twice");
  }

  @Test
  void transform_lotIdOutsideSet82_rejectedNamingCharacter() {
    String body = String.format(TRANSFORM, "5").replace("\"H2\"", "\"H#2\"");
    assertRejected(
        () -> LotTransformed.fromBody(json(body)),
        "inputs[1].lotId",
        "lot id contains '#', outside the GS1 AI 10 character set");
  }

  @Test
  void transform_lotIdLongerThan20_rejected() {
    String body = String.format(TRANSFORM, "5").replace("\"G1\"", "\"G12345678901234567890\"");
    assertRejected(
        () -> LotTransformed.fromBody(json(body)),
        "outputs[0].lotId",
        "lot id longer than 20 characters");
  }

  @Test
  void transform_badGtinCheckDigit_rejectedNamingGtin() {
    String body = String.format(TRANSFORM, "5").replace("6901234500004", "6901234500005");
    assertRejected(
        () -> LotTransformed.fromBody(json(body)),
        "outputs[0].gtin",
        "GTIN check digit is 5 but should be 4");
  }

  @Test
  void transform_unknownProcess_rejectedListingAllowed() {
    String body = String.format(TRANSFORM, "5").replace("grading", "washing");
    assertRejected(
        () -> LotTransformed.fromBody(json(body)),
        "process",
        "'washing' is not one of grading, packing, merging, splitting, processing");
  }

  @Test
  void sale_withoutPricePer_defaultsToOne() throws Exception {
    SaleRecorded sale =
        SaleRecorded.fromBody(json(sale("3", null, "0", "2022-03-01T08:00:00.000Z")));
    assertThat(sale.pricePer()).isEqualTo(Quantity.of(1));
    assertThat(sale.gross().value()).isEqualTo(7500);
  }

  @Test
  void sale_quantityNotMultipleOfPricePer_rejectedNamingQuantity() {
    assertRejected(
        () -> SaleRecorded.fromBody(json(sale("750", "500", "0", "2022-03-01T08:00:00.000Z"))),
        "quantity",
        "quantity 750 is not a multiple of pricePer 500");
  }

  @Test
  void sale_feesAboveGross_rejectedNamingFees() {
    assertRejected(
        () -> SaleRecorded.fromBody(json(sale("1000", "500", "4901", "2022-03-01T08:00:00.000Z"))),
        "fees",
        "fees total 5001 fen exceeds the gross amount 5000 fen");
  }

  @Test
  void sale_negativeFee_rejectedNamingNestedField() {
    assertRejected(
        () -> SaleRecorded.fromBody(json(sale("1000", "500", "-1", "2022-03-01T08:00:00.000Z"))),
        "fees.logisticsFen",
        "amount in fen must not be negative, got -1");
  }

  @Test
  void sale_occurredAtWithoutMillisOrOffset_rejected() {
    for (String bad :
        new String[] {
          "2022-03-01T08:00:00Z", "2022-03-01T08:00:00.000+08:00", "2022-03-01 08:00:00.000Z"
        }) {
      assertThatThrownBy(() -> SaleRecorded.fromBody(json(sale("1", null, "0", bad))))
          .isInstanceOfSatisfying(
              EventValidationException.class,
              e -> {
                assertThat(e.first().field()).isEqualTo("occurredAt");
                assertThat(e.first().message()).contains("RFC 3339 UTC time with milliseconds");
              });
    }
  }

  @Test
  void sale_impossibleDate_rejected() {
    assertRejected(
        () -> SaleRecorded.fromBody(json(sale("1", null, "0", "2022-02-30T08:00:00.000Z"))),
        "occurredAt",
        "is not a valid date-time: '2022-02-30T08:00:00.000Z'");
  }

  @Test
  void standard_minAboveMax_rejectedWithPath() throws Exception {
    String body =
        "{\"standardId\":\"S\",\"version\":1,\"gtin\":\"6901234500004\",\"title\":\"t\","
            + "\"grades\":[{\"grade\":\"A\",\"limits\":[{\"metric\":\"weight_g\",\"min\":1},"
            + "{\"metric\":\"moisture_permille\",\"min\":90,\"max\":70}]}]}";
    assertRejected(
        () -> StandardPublished.fromBody(json(body)),
        "grades[0].limits[1].min",
        "min 90 is greater than max 70");
  }

  @Test
  void standard_versionZero_rejected() throws Exception {
    String body =
        "{\"standardId\":\"S\",\"version\":0,\"gtin\":\"6901234500004\",\"title\":\"t\","
            + "\"grades\":[{\"grade\":\"A\",\"limits\":[]}]}";
    assertRejected(
        () -> StandardPublished.fromBody(json(body)), "version", "must be in 1..2147483647, got 0");
  }

  @Test
  void product_nameTooLong_rejected() throws Exception {
    String body =
        "{\"gtin\":\"6901234500004\",\"name\":\"" + "茶".repeat(101) + "\",\"baseUnit\":\"g\"}";
    assertRejected(
        () -> ProductRegistered.fromBody(json(body)),
        "name",
        "must be at most 100 characters, got 101");
  }

  @Test
  void inspection_passedAsString_rejected() throws Exception {
    JsonObject body = EventBodyTest.with(Samples.inspection().toBody(), "passed", Json.str("true"));
    assertRejected(
        () -> InspectionRecorded.fromBody(body), "passed", "must be a boolean, got a string");
  }

  @Test
  void eventTypes_genesisReserved_andUnknownRejected() {
    assertThat(EventTypes.isReserved("ledger.genesis")).isTrue();
    assertThat(EventTypes.isKnown("ledger.genesis")).isTrue();
    assertThat(EventTypes.eventTypes()).hasSize(12).doesNotContain("ledger.genesis");
    assertRejected(
        () -> EventTypes.parse("ledger.genesis", JsonObject.empty()),
        "type",
        "'ledger.genesis' is reserved for the chain layer and has no event body");
    assertRejected(
        () -> EventTypes.parse("sale.deleted", JsonObject.empty()),
        "type",
        "unknown event type 'sale.deleted'");
  }
}
