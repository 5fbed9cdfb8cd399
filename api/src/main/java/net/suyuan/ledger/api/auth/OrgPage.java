package net.suyuan.ledger.api.auth;

import java.util.List;

/**
 * A page of {@code GET /api/v1/orgs}: {@code next} is the last orgId of the page when more follow
 * (pass it as {@code after}), {@code null} on the last page.
 */
public record OrgPage(List<Organization> orgs, String next) {

  public OrgPage {
    orgs = List.copyOf(orgs);
  }

  /** From a query that asked for {@code limit + 1} rows: the extra row says a next page exists. */
  static OrgPage of(List<Organization> rows, int limit) {
    return rows.size() > limit
        ? new OrgPage(rows.subList(0, limit), rows.get(limit - 1).orgId())
        : new OrgPage(rows, null);
  }
}
