package net.suyuan.ledger.core.id;

/** A serial number as carried in GS1 AI (21). */
public record SerialId(String value) {
  public SerialId {
    Gs1AiValue.check("serial id", "21", value);
  }

  public static SerialId of(String value) {
    return new SerialId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
