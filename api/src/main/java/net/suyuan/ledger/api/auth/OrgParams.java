package net.suyuan.ledger.api.auth;

import net.suyuan.ledger.api.http.Problems;

/**
 * Parameters of the organization reads, parsed here so every bad value is a 400 naming the
 * parameter. Limits as on {@code GET /api/v1/events}.
 */
final class OrgParams {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private OrgParams() {}

  /** {@code after} (query) or {@code orgId} (path): an organization id; absent is "". */
  static String orgId(String field, String value) {
    if (value == null && field.equals("after")) {
      return "";
    }
    if (value == null || !Organization.ORG_ID.matcher(value).matches()) {
      throw Problems.invalidField(
          field, "must be an organization id " + Organization.ORG_ID.pattern() + shown(value));
    }
    return value;
  }

  /** {@code limit}: 1..1000, default 100. */
  static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    // Plain ASCII digits only: Integer.parseInt would also accept "+5" and non-ASCII digits.
    if (!value.matches("[0-9]{1,4}")
        || Integer.parseInt(value) < 1
        || Integer.parseInt(value) > MAX_LIMIT) {
      throw Problems.invalidField(
          "limit", "must be an integer from 1 to " + MAX_LIMIT + shown(value));
    }
    return Integer.parseInt(value);
  }

  private static String shown(String value) {
    if (value == null) {
      return "";
    }
    return ", got '" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'";
  }
}
