package net.suyuan.ledger.core.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.suyuan.ledger.core.chain.Timestamps;
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

/**
 * A fast reader for the bodies of the seven event types income depends on, straight from the
 * canonical (RFC 8785) bytes of a stored entry into the same typed records {@link EventTypes#parse}
 * builds, without a JSON tree. It is an optimisation of the strict parse, never a replacement: it
 * reads only the plain shape every writer produces — members in canonical order (RFC 8785 §3.2.3:
 * for these ASCII names, byte order), strings of printable ASCII without escapes, integers as plain
 * digits — and <b>declines</b> (returns {@code null}) anything else, including anything it cannot
 * prove valid, so the caller parses those bytes strictly and gets either the same event or the
 * strict parser's error. Whatever it returns went through the records' own constructors (ids, check
 * digits, amounts, fee and lot invariants) and is equal to what the strict parse gives for the same
 * bytes ({@code LeanBodyReaderTest} holds it to that on random workloads and mutations).
 *
 * <p>Not thread-safe (it keeps its position); one instance per thread, reused.
 */
public final class LeanBodyReader {
  private static final long MAX_SAFE = (1L << 53) - 1;

  /** Thrown internally to decline; no stack trace, the caller falls back to the strict parse. */
  private static final class Decline extends RuntimeException {
    Decline() {
      super(null, null, false, false);
    }
  }

  private static final Decline DECLINE = new Decline();

  private byte[] in;
  private int pos;
  private int end;

  /** True for the types {@link #read} knows. */
  public static boolean reads(String type) {
    return switch (type) {
      case HarvestDelivered.TYPE,
          LotTransformed.TYPE,
          SaleRecorded.TYPE,
          SaleRefunded.TYPE,
          WageRecorded.TYPE,
          PayoutMade.TYPE,
          ProductRegistered.TYPE ->
          true;
      default -> false;
    };
  }

  /**
   * The event of {@code type} whose body is exactly {@code in[start, end)}, or {@code null} when
   * the bytes are not in the plain canonical shape this reader handles or do not make a valid
   * event: parse those strictly ({@link EventTypes#parse}).
   */
  public LedgerEvent read(String type, byte[] in, int start, int end) {
    this.in = in;
    this.pos = start;
    this.end = end;
    try {
      LedgerEvent event =
          switch (type) {
            case HarvestDelivered.TYPE -> delivered();
            case LotTransformed.TYPE -> transformed();
            case SaleRecorded.TYPE -> sale();
            case SaleRefunded.TYPE -> refund();
            case WageRecorded.TYPE -> wage();
            case PayoutMade.TYPE -> payout();
            case ProductRegistered.TYPE -> product();
            default -> null;
          };
      return pos == end ? event : null;
    } catch (Decline | IllegalArgumentException | IndexOutOfBoundsException e) {
      // IllegalArgumentException: a record or id constructor refused a value (FieldException is
      // one); the strict parse reports it with its path
      return null;
    } finally {
      this.in = null;
    }
  }

  private HarvestDelivered delivered() {
    open();
    BaseId base = BaseId.of(stringMember(K_BASE_ID, true));
    Gtin gtin = Gtin.of(stringMember(K_GTIN, false));
    HouseholdId household = HouseholdId.of(stringMember(K_HOUSEHOLD_ID, false));
    LotId lot = LotId.of(stringMember(K_LOT_ID, false));
    Instant at = instantMember(K_OCCURRED_AT);
    Quantity quantity = Quantity.of(integerMember(K_QUANTITY));
    close();
    return new HarvestDelivered(lot, gtin, household, base, quantity, at);
  }

  private LotTransformed transformed() {
    open();
    name(K_INPUTS, true);
    List<LotTransformed.LotInput> inputs = new ArrayList<>(2);
    expect('[');
    do {
      open();
      LotId lot = LotId.of(stringMember(K_LOT_ID, true));
      Quantity q = Quantity.of(integerMember(K_QUANTITY));
      close();
      inputs.add(new LotTransformed.LotInput(lot, q));
    } while (more(']'));
    Instant at = instantMember(K_OCCURRED_AT);
    name(K_OUTPUTS, false);
    List<LotTransformed.LotOutput> outputs = new ArrayList<>(2);
    expect('[');
    do {
      open();
      Optional<String> grade = Optional.empty();
      boolean first = true;
      if (optionalName(K_GRADE, true)) {
        grade = Optional.of(string());
        first = false;
      }
      Gtin gtin = Gtin.of(stringMember(K_GTIN, first));
      LotId lot = LotId.of(stringMember(K_LOT_ID, false));
      Quantity q = Quantity.of(integerMember(K_QUANTITY));
      close();
      outputs.add(new LotTransformed.LotOutput(lot, gtin, q, grade));
    } while (more(']'));
    TransformProcess process =
        TransformProcess.fromWire(stringMember(K_PROCESS, false)).orElseThrow(() -> DECLINE);
    close();
    return new LotTransformed(process, inputs, outputs, at);
  }

  private SaleRecorded sale() {
    open();
    Channel channel = Channel.fromWire(stringMember(K_CHANNEL, true)).orElseThrow(() -> DECLINE);
    name(K_FEES, false);
    SaleFees fees = fees();
    LotId lot = LotId.of(stringMember(K_LOT_ID, false));
    Instant at = instantMember(K_OCCURRED_AT);
    Quantity per = optionalName(K_PRICE_PER, false) ? Quantity.of(integer()) : Quantity.of(1);
    Quantity quantity = Quantity.of(integerMember(K_QUANTITY));
    SaleId sale = SaleId.of(stringMember(K_SALE_ID, false));
    Fen unitPrice = Fen.of(integerMember(K_UNIT_PRICE_FEN));
    close();
    return new SaleRecorded(sale, channel, lot, quantity, unitPrice, per, fees, at);
  }

  /** A fees object (sale fees, fees returned), its name already read. */
  private SaleFees fees() {
    open();
    Fen logistics = Fen.of(integerMember(K_LOGISTICS_FEN, true));
    Fen packaging = Fen.of(integerMember(K_PACKAGING_FEN));
    Fen platform = Fen.of(integerMember(K_PLATFORM_FEN));
    Fen service = Fen.of(integerMember(K_SERVICE_FEN));
    close();
    return new SaleFees(platform, service, logistics, packaging);
  }

  private SaleRefunded refund() {
    open();
    Fen amount = Fen.of(integerMember(K_AMOUNT_FEN, true));
    Optional<SaleFees> returned = Optional.empty();
    if (optionalName(K_FEES_RETURNED, false)) {
      returned = Optional.of(fees());
    }
    Instant at = instantMember(K_OCCURRED_AT);
    Quantity quantity = Quantity.of(integerMember(K_QUANTITY));
    RefundId refund = RefundId.of(stringMember(K_REFUND_ID, false));
    SaleId sale = SaleId.of(stringMember(K_SALE_ID, false));
    close();
    return new SaleRefunded(refund, sale, quantity, amount, returned, at);
  }

  private WageRecorded wage() {
    open();
    Fen amount = Fen.of(integerMember(K_AMOUNT_FEN, true));
    BaseId base = BaseId.of(stringMember(K_BASE_ID, false));
    OptionalInt days = OptionalInt.empty();
    if (optionalName(K_DAYS, false)) {
      long n = integer();
      if (n < 1 || n > WageRecorded.MAX_DAYS) {
        throw DECLINE;
      }
      days = OptionalInt.of((int) n);
    }
    HouseholdId household = HouseholdId.of(stringMember(K_HOUSEHOLD_ID, false));
    Instant at = instantMember(K_OCCURRED_AT);
    close();
    return new WageRecorded(household, base, amount, days, at);
  }

  private PayoutMade payout() {
    open();
    Fen amount = Fen.of(integerMember(K_AMOUNT_FEN, true));
    HouseholdId household = HouseholdId.of(stringMember(K_HOUSEHOLD_ID, false));
    Instant at = instantMember(K_OCCURRED_AT);
    Optional<String> reference =
        optionalName(K_REFERENCE, false) ? Optional.of(string()) : Optional.empty();
    close();
    return new PayoutMade(household, amount, reference, at);
  }

  private ProductRegistered product() {
    open();
    BaseUnit unit = BaseUnit.fromWire(stringMember(K_BASE_UNIT, true)).orElseThrow(() -> DECLINE);
    Gtin gtin = Gtin.of(stringMember(K_GTIN, false));
    String name = stringMember(K_NAME, false);
    Optional<ProductRegistered.ReferencePrice> reference = Optional.empty();
    if (optionalName(K_REFERENCE_PRICE, false)) {
      open();
      Fen fen = Fen.of(integerMember(K_FEN, true));
      Quantity per = Quantity.of(integerMember(K_PER));
      close();
      reference = Optional.of(new ProductRegistered.ReferencePrice(fen, per));
    }
    close();
    return new ProductRegistered(gtin, name, unit, reference);
  }

  // --- the canonical shape --------------------------------------------------------------------

  private void open() {
    expect('{');
  }

  private void close() {
    expect('}');
  }

  /** After an array element: true if another follows (','), false at {@code closing}. */
  private boolean more(char closing) {
    byte b = in[pos++];
    if (b == ',') {
      return true;
    }
    if (b != closing) {
      throw DECLINE;
    }
    return false;
  }

  private void expect(char c) {
    if (pos >= end || in[pos] != c) {
      throw DECLINE;
    }
    pos++;
  }

  /** The member name {@code key} (bytes of {@code "name":}), after ',' unless it is the first. */
  private void name(byte[] key, boolean first) {
    if (!optionalName(key, first)) {
      throw DECLINE;
    }
  }

  private boolean optionalName(byte[] key, boolean first) {
    int at = first ? pos : pos + 1;
    if (at + key.length > end || (!first && in[pos] != ',')) {
      return false;
    }
    for (int i = 0; i < key.length; i++) {
      if (in[at + i] != key[i]) {
        return false;
      }
    }
    pos = at + key.length;
    return true;
  }

  private String stringMember(byte[] key, boolean first) {
    name(key, first);
    return string();
  }

  private long integerMember(byte[] key, boolean first) {
    name(key, first);
    return integer();
  }

  private long integerMember(byte[] key) {
    return integerMember(key, false);
  }

  private Instant instantMember(byte[] key) {
    name(key, false);
    int start = pos + 1;
    expect('"');
    pos = start + 24;
    expect('"');
    if (!Timestamps.isCanonical(in, start, start + 24)) {
      throw DECLINE;
    }
    long day =
        LocalDate.of(digits(start, 4), digits(start + 5, 2), digits(start + 8, 2)).toEpochDay();
    long second =
        day * 86_400
            + digits(start + 11, 2) * 3600L
            + digits(start + 14, 2) * 60L
            + digits(start + 17, 2);
    return Instant.ofEpochSecond(second, digits(start + 20, 3) * 1_000_000L);
  }

  private int digits(int at, int count) {
    int v = 0;
    for (int i = 0; i < count; i++) {
      v = v * 10 + (in[at + i] - '0');
    }
    return v;
  }

  /** A string of printable ASCII without escapes; anything else declines. */
  private String string() {
    expect('"');
    int start = pos;
    while (pos < end) {
      byte b = in[pos];
      if (b == '"') {
        String s = new String(in, start, pos - start, StandardCharsets.ISO_8859_1);
        pos++;
        return s;
      }
      if (b < 0x20 || b > 0x7e || b == '\\') { // control, non-ASCII (negative) or an escape
        throw DECLINE;
      }
      pos++;
    }
    throw DECLINE;
  }

  /**
   * A non-negative integer in plain digits, at most 2^53 − 1, as RFC 8785 §3.2.2.3 writes every
   * such number. A sign, fraction or exponent declines (the strict parse decides what they mean).
   */
  private long integer() {
    int start = pos;
    long v = 0;
    while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
      v = v * 10 + (in[pos] - '0');
      pos++;
      if (pos - start > 16) {
        throw DECLINE;
      }
    }
    int n = pos - start;
    if (n == 0 || (n > 1 && in[start] == '0') || v > MAX_SAFE) {
      throw DECLINE;
    }
    if (pos < end && (in[pos] == '.' || in[pos] == 'e' || in[pos] == 'E')) {
      throw DECLINE;
    }
    return v;
  }

  private static byte[] key(String name) {
    return ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
  }

  private static final byte[] K_AMOUNT_FEN = key("amountFen");
  private static final byte[] K_BASE_ID = key("baseId");
  private static final byte[] K_BASE_UNIT = key("baseUnit");
  private static final byte[] K_CHANNEL = key("channel");
  private static final byte[] K_DAYS = key("days");
  private static final byte[] K_FEES = key("fees");
  private static final byte[] K_FEES_RETURNED = key("feesReturned");
  private static final byte[] K_FEN = key("fen");
  private static final byte[] K_GRADE = key("grade");
  private static final byte[] K_GTIN = key("gtin");
  private static final byte[] K_HOUSEHOLD_ID = key("householdId");
  private static final byte[] K_INPUTS = key("inputs");
  private static final byte[] K_LOGISTICS_FEN = key("logisticsFen");
  private static final byte[] K_LOT_ID = key("lotId");
  private static final byte[] K_NAME = key("name");
  private static final byte[] K_OCCURRED_AT = key("occurredAt");
  private static final byte[] K_OUTPUTS = key("outputs");
  private static final byte[] K_PACKAGING_FEN = key("packagingFen");
  private static final byte[] K_PER = key("per");
  private static final byte[] K_PLATFORM_FEN = key("platformFen");
  private static final byte[] K_PRICE_PER = key("pricePer");
  private static final byte[] K_PROCESS = key("process");
  private static final byte[] K_QUANTITY = key("quantity");
  private static final byte[] K_REFERENCE = key("reference");
  private static final byte[] K_REFERENCE_PRICE = key("referencePrice");
  private static final byte[] K_REFUND_ID = key("refundId");
  private static final byte[] K_SALE_ID = key("saleId");
  private static final byte[] K_SERVICE_FEN = key("serviceFen");
  private static final byte[] K_UNIT_PRICE_FEN = key("unitPriceFen");
}
