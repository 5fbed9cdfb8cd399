package net.suyuan.ledger.core.id;

import java.util.regex.Pattern;

/** The two identifier syntaxes of the ledger, checked with messages that name the id kind. */
final class IdSyntax {
  /** Organisations: lower-case, DNS-label-like, stable across systems. */
  static final Pattern ORG = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

  /** Pseudonymous ids: opaque, carry no personal data, safe to publish in a hashed body. */
  static final Pattern PSEUDONYM = Pattern.compile("^[A-Za-z0-9._-]{1,32}$");

  private IdSyntax() {}

  static void check(String kind, Pattern pattern, String value) {
    if (value == null) {
      throw new IllegalArgumentException(kind + " is missing");
    }
    if (!matches(pattern, value)) {
      throw new IllegalArgumentException(
          kind + " '" + value + "' does not match " + pattern.pattern());
    }
  }

  /**
   * {@code pattern.matcher(value).matches()}, without the regex engine for the two patterns above
   * (ids are checked for every entry a replay reads); any other pattern uses the regex.
   */
  static boolean matches(Pattern pattern, String value) {
    int n = value.length();
    if (pattern == PSEUDONYM) {
      if (n < 1 || n > 32) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (!pseudonymChar(value.charAt(i))) {
          return false;
        }
      }
      return true;
    }
    if (pattern == ORG) {
      if (n < 1 || n > 64) {
        return false;
      }
      char first = value.charAt(0);
      if (!((first >= 'a' && first <= 'z') || (first >= '0' && first <= '9'))) {
        return false;
      }
      for (int i = 1; i < n; i++) {
        char c = value.charAt(i);
        if (!((c >= 'a' && c <= 'z')
            || (c >= '0' && c <= '9')
            || c == '.'
            || c == '_'
            || c == '-')) {
          return false;
        }
      }
      return true;
    }
    return pattern.matcher(value).matches();
  }

  /** [A-Za-z0-9._-] */
  private static boolean pseudonymChar(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-';
  }
}
