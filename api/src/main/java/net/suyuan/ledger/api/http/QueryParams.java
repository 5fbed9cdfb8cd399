package net.suyuan.ledger.api.http;

import java.util.regex.Pattern;
import org.springframework.web.ErrorResponseException;

/**
 * Parsing shared by the features' parameter classes, so the same bad value gets the same 400
 * problem on every endpoint: the parameter named in the problem, the rule, and the value as sent
 * (cut at 40 characters).
 */
public final class QueryParams {
  // Plain ASCII digits only: Integer.parseInt would also accept "+5" and non-ASCII digits.
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

  private QueryParams() {}

  /**
   * {@code limit}: absent ({@code defaultLimit}) or an integer from 1 to {@code max}; anything else
   * is a 400 naming {@code limit}.
   */
  public static int limit(String value, int defaultLimit, int max) {
    if (value == null) {
      return defaultLimit;
    }
    if (!DIGITS.matcher(value).matches()) {
      throw invalid("limit", "must be an integer from 1 to " + max, value);
    }
    int limit = Integer.parseInt(value);
    if (limit < 1 || limit > max) {
      throw invalid("limit", "must be an integer from 1 to " + max, value);
    }
    return limit;
  }

  /** A 400 naming {@code field}: "{@code rule}, got '{@code value}'". */
  public static ErrorResponseException invalid(String field, String rule, String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    return Problems.invalidField(field, rule + ", got '" + shown + "'");
  }
}
