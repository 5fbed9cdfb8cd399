package net.suyuan.ledger.core.income;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatioTest {
  private static Ratio r(long n, long d) {
    return Ratio.of(n, d).orElseThrow();
  }

  @Test
  void rounding_halvesAwayFromZero() {
    assertThat(r(5, 2).rounded()).isEqualTo(3);
    assertThat(r(-5, 2).rounded()).isEqualTo(-3);
    assertThat(r(7, 3).rounded()).isEqualTo(2);
    assertThat(r(1, 20_000).basisPoints()).isEqualTo(1);
    assertThat(r(-1, 20_000).basisPoints()).isEqualTo(-1);
    assertThat(r(1, 20_001).basisPoints()).isZero();
  }

  @Test
  void percent_twoDecimalsFromBasisPoints() {
    assertThat(r(19, 25).percent()).isEqualTo("76.00");
    assertThat(r(1, 3).percent()).isEqualTo("33.33");
    assertThat(r(-1, 200).percent()).isEqualTo("-0.50");
    assertThat(r(0, 7).percent()).isEqualTo("0.00");
  }

  @Test
  void lowestTerms_positiveDenominator_emptyOnZero() {
    assertThat(r(6, -4).toString()).isEqualTo("-3/2");
    assertThat(r(0, 9).toString()).isEqualTo("0/1");
    assertThat(Ratio.of(1, 0)).isEmpty();
    assertThat(Ratio.growth(r(1, 2), r(3, 4)).orElseThrow().toString()).isEqualTo("1/2");
  }
}
