package net.suyuan.ledger.api.income.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;
import net.suyuan.ledger.api.http.Problems;
import net.suyuan.ledger.api.http.QueryParams;
import net.suyuan.ledger.core.id.Gtin;

/**
 * Path and query parameters of the income endpoints, parsed here so every bad value is a 400 naming
 * the parameter, never a 500 or a framework message.
 */
final class IncomeParams {
  static final Pattern HOUSEHOLD_ID = Pattern.compile("^[A-Za-z0-9._-]{1,32}$");
  static final Pattern ORG_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
  private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  private static final Pattern YEAR = Pattern.compile("^[0-9]{4}$");
  private static final DateTimeFormatter ISO_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  /** Lower and upper bound of an omitted {@code from} / {@code to}. */
  static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);

  static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

  /** Range of the {@code year} parameter of the program figures (docs/income.md). */
  static final int MIN_YEAR = 1900;

  static final int MAX_YEAR = 9999;

  private IncomeParams() {}

  static String householdId(String value) {
    return matching("householdId", value, HOUSEHOLD_ID, "must match " + HOUSEHOLD_ID.pattern());
  }

  static String orgId(String value) {
    return matching("orgId", value, ORG_ID, "must match " + ORG_ID.pattern());
  }

  static String gtin(String value) {
    try {
      return Gtin.of(value).value();
    } catch (IllegalArgumentException e) {
      throw Problems.invalidField("gtin", e.getMessage());
    }
  }

  /** A calendar date YYYY-MM-DD, or null when absent. */
  static LocalDate date(String field, String value) {
    if (value == null) {
      return null;
    }
    String rule = "must be a date YYYY-MM-DD (0001-01-01 to 9999-12-31)";
    if (!DATE.matcher(value).matches()) {
      throw invalid(field, rule, value);
    }
    try {
      LocalDate date = LocalDate.parse(value, ISO_DATE);
      if (date.isBefore(MIN_DATE)) {
        throw invalid(field, rule, value);
      }
      return date;
    } catch (DateTimeParseException e) {
      throw invalid(field, rule, value);
    }
  }

  /**
   * A year {@value #MIN_YEAR}..{@value #MAX_YEAR}, required. Figures for year Y also read Y - 1,
   * and PostgreSQL has no year 0, so years near 1 failed in the database (a 500); the lower end is
   * far below any date the ledger can hold, the upper end is the last four-digit year.
   */
  static int year(String value) {
    String rule = "must be a year of four digits, " + MIN_YEAR + " to " + MAX_YEAR;
    if (value == null) {
      throw Problems.invalidField("year", "is required; " + rule);
    }
    if (!YEAR.matcher(value).matches()) {
      throw invalid("year", rule, value);
    }
    int year = Integer.parseInt(value);
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw invalid("year", rule, value);
    }
    return year;
  }

  /** {@code after} of a households.csv page: absent ("" = from the first) or a household id. */
  static String afterHousehold(String value) {
    return value == null
        ? ""
        : matching(
            "after", value, HOUSEHOLD_ID, "must be a household id " + HOUSEHOLD_ID.pattern());
  }

  /** {@code limit}: absent ({@code max}) or an integer 1..max. */
  static int limit(String value, int max) {
    return QueryParams.limit(value, max, max);
  }

  /** {@code detail}: absent or {@code entries}. */
  static boolean detail(String value) {
    if (value == null) {
      return false;
    }
    if (!value.equals("entries")) {
      throw invalid("detail", "must be 'entries' or absent", value);
    }
    return true;
  }

  private static String matching(String field, String value, Pattern p, String rule) {
    if (value == null || !p.matcher(value).matches()) {
      throw invalid(field, rule, value == null ? "" : value);
    }
    return value;
  }

  private static RuntimeException invalid(String field, String rule, String value) {
    return QueryParams.invalid(field, rule, value);
  }
}
