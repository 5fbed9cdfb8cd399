package net.suyuan.ledger.api.read;

import net.suyuan.ledger.api.http.Problems;
import net.suyuan.ledger.api.http.QueryParams;
import net.suyuan.ledger.core.id.LotId;

/**
 * Query and path parameters of the read endpoints, parsed here so every bad value is a 400 problem
 * naming the parameter (rather than whatever a framework conversion error would say).
 */
final class ReadParams {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private ReadParams() {}

  /** {@code after}: a seq, or -1 (the default) to start at the genesis entry. */
  static long after(String value) {
    if (value == null) {
      return -1;
    }
    long after = parseLong("after", value, "must be an integer >= -1");
    if (after < -1) {
      throw Problems.invalidField("after", "must be an integer >= -1");
    }
    return after;
  }

  /** {@code limit}: 1..1000, default 100. */
  static int limit(String value) {
    return QueryParams.limit(value, DEFAULT_LIMIT, MAX_LIMIT);
  }

  static long seq(String value) {
    long seq = parseLong("seq", value, "must be an integer >= 0");
    if (seq < 0) {
      throw Problems.invalidField("seq", "must be an integer >= 0");
    }
    return seq;
  }

  /** A GS1 AI (10) batch/lot number (core {@link LotId}). */
  static LotId lotId(String value) {
    try {
      return LotId.of(value);
    } catch (IllegalArgumentException e) {
      throw Problems.invalidField("lotId", e.getMessage());
    }
  }

  private static long parseLong(String field, String value, String rule) {
    // Plain ASCII digits only: Long.parseLong would also accept "+5" and non-ASCII digits.
    if (!value.matches("-?[0-9]{1,18}")) {
      throw QueryParams.invalid(field, rule, value);
    }
    return Long.parseLong(value);
  }
}
