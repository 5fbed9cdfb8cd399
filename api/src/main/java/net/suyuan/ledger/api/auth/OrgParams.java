package net.suyuan.ledger.api.auth;

import net.suyuan.ledger.api.http.Problems;
import net.suyuan.ledger.api.http.QueryParams;

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
    String rule = "must be an organization id " + Organization.ORG_ID.pattern();
    if (value == null) {
      throw Problems.invalidField(field, rule);
    }
    if (!Organization.ORG_ID.matcher(value).matches()) {
      throw QueryParams.invalid(field, rule, value);
    }
    return value;
  }

  /** {@code limit}: 1..1000, default 100. */
  static int limit(String value) {
    return QueryParams.limit(value, DEFAULT_LIMIT, MAX_LIMIT);
  }
}
