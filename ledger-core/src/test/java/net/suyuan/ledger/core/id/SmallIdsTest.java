package net.suyuan.ledger.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmallIdsTest {
  @Test
  void orgId_lowerCaseDnsLike_accepted() {
    assertThat(OrgId.of("coop.qingshui-01").value()).isEqualTo("coop.qingshui-01");
  }

  @Test
  void orgId_upperCaseOrLeadingDot_rejected() {
    assertThatThrownBy(() -> OrgId.of("Coop")).hasMessageContaining("organisation id 'Coop'");
    assertThatThrownBy(() -> OrgId.of(".coop")).hasMessageContaining("does not match");
    assertThatThrownBy(() -> OrgId.of("a".repeat(65))).hasMessageContaining("does not match");
  }

  @Test
  void householdId_pseudonym_acceptedUpTo32Characters() {
    assertThat(HouseholdId.of("H-" + "x".repeat(30)).value()).hasSize(32);
    assertThatThrownBy(() -> HouseholdId.of("H" + "x".repeat(32)))
        .hasMessageContaining("household id");
    assertThatThrownBy(() -> HouseholdId.of("张三")).hasMessageContaining("does not match");
  }

  @Test
  void householdId_isValid_agreesWithOf() {
    assertThat(HouseholdId.isValid("H-" + "x".repeat(30))).isTrue();
    assertThat(HouseholdId.isValid("H" + "x".repeat(32))).isFalse();
    assertThat(HouseholdId.isValid("张三")).isFalse();
    assertThat(HouseholdId.isValid("")).isFalse();
    assertThat(HouseholdId.isValid(null)).isFalse();
  }

  @Test
  void fen_negative_rejected() {
    assertThatThrownBy(() -> Fen.of(-1)).hasMessage("amount in fen must not be negative, got -1");
  }

  @Test
  void fen_sum_overflowThrows() {
    assertThat(Fen.sum(Fen.of(1), Fen.of(2), Fen.ZERO)).isEqualTo(Fen.of(3));
    assertThatThrownBy(() -> Fen.of(Fen.MAX).plus(Fen.of(1)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void quantity_zeroOrNegative_rejected() {
    assertThatThrownBy(() -> Quantity.of(0)).hasMessage("quantity must be positive, got 0");
    assertThatThrownBy(() -> Quantity.of(-5)).hasMessage("quantity must be positive, got -5");
    assertThatThrownBy(() -> Quantity.of(Quantity.MAX + 1)).hasMessageContaining("2^53-1");
  }

  @Test
  void enums_wireNames_roundTrip() {
    for (BaseUnit u : BaseUnit.values()) {
      assertThat(BaseUnit.fromWire(u.wire())).contains(u);
    }
    for (Channel c : Channel.values()) {
      assertThat(Channel.fromWire(c.wire())).contains(c);
    }
    assertThat(Channel.fromWire("SOCIAL_GROUP")).isEmpty();
    assertThat(Channel.SOCIAL_GROUP.wire()).isEqualTo("social_group");
  }
}
