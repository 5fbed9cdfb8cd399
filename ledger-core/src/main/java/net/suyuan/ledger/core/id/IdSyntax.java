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
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(
          kind + " '" + value + "' does not match " + pattern.pattern());
    }
  }
}
