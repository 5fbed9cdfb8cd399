package net.suyuan.ledger.core.id;

/** A batch/lot number as carried in GS1 AI (10). */
public record LotId(String value) {
  public LotId {
    Gs1AiValue.check("lot id", "10", value);
  }

  public static LotId of(String value) {
    return new LotId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
