package net.suyuan.ledger.api.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Role of an organization; the database value is the JSON value (see organization.role CHECK). */
public enum Role {
  COOPERATIVE("cooperative"),
  PROCESSOR("processor"),
  INSPECTOR("inspector"),
  SELLER("seller"),
  SOCIAL_ORG("social_org"),
  /** Read-only: household figures and the income replay check; records no event type. */
  AUDITOR("auditor");

  private final String value;

  Role(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  private static String allowed() {
    return Arrays.stream(values()).map(Role::value).toList().toString();
  }

  @JsonCreator
  public static Role of(String value) {
    return Arrays.stream(values())
        .filter(r -> r.value.equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown role '" + value + "', expected one of " + allowed()));
  }
}
