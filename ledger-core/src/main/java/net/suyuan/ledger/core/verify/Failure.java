package net.suyuan.ledger.core.verify;

import java.util.Objects;

/**
 * The first failure of a chain, with evidence.
 *
 * @param seq the seq at which the chain stops being valid: the position's expected seq
 * @param kind what went wrong
 * @param detail expected versus found, in words
 */
public record Failure(long seq, FailureKind kind, String detail) {
  public Failure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return kind.id() + " at seq " + seq + ": " + detail;
  }
}
