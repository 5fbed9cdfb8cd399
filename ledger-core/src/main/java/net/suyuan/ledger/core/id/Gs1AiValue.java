package net.suyuan.ledger.core.id;

/**
 * Checks GS1 Application Identifier values such as AI (10) batch/lot and AI (21) serial number: 1
 * to 20 characters from GS1 AI encodable character set 82 (GS1 General Specifications §7.11, Figure
 * 7.11-1).
 */
final class Gs1AiValue {
  static final int MAX_LENGTH = 20;

  private Gs1AiValue() {}

  /**
   * @param kind what the value is, for messages, e.g. "lot id"
   * @param ai the application identifier, e.g. "10"
   */
  static void check(String kind, String ai, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(kind + " is empty");
    }
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      if (!inCharacterSet82(cp)) {
        throw new IllegalArgumentException(
            kind
                + " contains '"
                + new String(Character.toChars(cp))
                + "', outside the GS1 AI "
                + ai
                + " character set");
      }
      i += Character.charCount(cp);
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(kind + " longer than " + MAX_LENGTH + " characters");
    }
  }

  /**
   * Character set 82: {@code !"%&'()*+,-./0-9:;<=>?A-Z_a-z}; notably no space, '#', '$', '@', '~'.
   */
  static boolean inCharacterSet82(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '%' && c <= '?') // % & ' ( ) * + , - . / 0-9 : ; < = > ?
        || c == '!'
        || c == '"'
        || c == '_';
  }
}
