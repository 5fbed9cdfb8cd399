package net.suyuan.ledger.core.income;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;
import java.util.Random;
import net.suyuan.ledger.core.id.HouseholdId;
import org.junit.jupiter.api.Test;

class LargestRemainderTest {
  /** Every total 0..40 over every weight vector of length 1..3 with weights 0..4. */
  @Test
  void apportion_smallSizesExhaustively_addsUpEachShareFloorOrCeilTiesToLowerIndex() {
    for (int n = 1; n <= 3; n++) {
      int combos = (int) Math.pow(5, n);
      for (int c = 0; c < combos; c++) {
        long[] w = new long[n];
        long sum = 0;
        for (int i = 0, x = c; i < n; i++, x /= 5) {
          w[i] = x % 5;
          sum += w[i];
        }
        if (sum == 0) {
          continue;
        }
        for (long total = 0; total <= 40; total++) {
          long[] s = LargestRemainder.apportion(total, w);
          long got = 0;
          for (int i = 0; i < n; i++) {
            got += s[i];
            long floor = total * w[i] / sum;
            boolean exact = total * w[i] % sum == 0;
            assertThat(s[i]).isBetween(floor, exact ? floor : floor + 1);
            if (total <= sum) {
              assertThat(s[i]).isLessThanOrEqualTo(w[i]);
            }
            for (int j = i + 1; j < n; j++) { // equal weights: the lower index never gets less
              if (w[i] == w[j]) {
                assertThat(s[i]).isGreaterThanOrEqualTo(s[j]);
              }
            }
          }
          assertThat(got).isEqualTo(total);
        }
      }
    }
  }

  @Test
  void mulDivRem_overflowingProducts_matchBigInteger() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < 10_000; i++) {
      long a = random.nextLong() >>> (1 + random.nextInt(40));
      long c = 1 + (random.nextLong() >>> (1 + random.nextInt(62)));
      long b = c == Long.MAX_VALUE ? 0 : random.nextLong() % c;
      b = Math.abs(b);
      BigInteger[] qr =
          BigInteger.valueOf(a)
              .multiply(BigInteger.valueOf(b))
              .divideAndRemainder(BigInteger.valueOf(c));
      if (qr[0].bitLength() > 62) {
        continue;
      }
      assertThat(LargestRemainder.mulDivRem(a, b, c))
          .as("seed %d: %d * %d / %d", seed, a, b, c)
          .containsExactly(qr[0].longValueExact(), qr[1].longValueExact());
    }
  }

  @Test
  void apportion_positiveTotalOverZeroWeights_rejected() {
    assertThatThrownBy(() -> LargestRemainder.apportion(1, new long[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(LargestRemainder.apportion(0, new long[] {0, 0})).containsExactly(0, 0);
  }

  @Test
  void apportion_bigIntegerWeights_sameAsLongWeights() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < 5_000; i++) {
      int n = 1 + random.nextInt(6);
      long[] w = new long[n];
      BigInteger[] big = new BigInteger[n];
      long sum = 0;
      for (int k = 0; k < n; k++) {
        w[k] = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : random.nextLong() >>> 40;
        big[k] = BigInteger.valueOf(w[k]);
        sum += w[k];
      }
      long total = random.nextLong() >>> 11;
      if (sum == 0) {
        continue;
      }
      assertThat(LargestRemainder.apportion(total, big, BigInteger.valueOf(sum)))
          .as("seed %d", seed)
          .containsExactly(LargestRemainder.apportion(total, w));
    }
  }

  @Test
  void compositionSplit_totalBeyondLong_exactAgainstBigInteger() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < 2_000; i++) {
      long a = (1L << 62) + (random.nextLong() >>> 2);
      long b = 1 + (random.nextLong() >>> 1);
      Composition c = Composition.of(Map.of(HouseholdId.of("a"), a, HouseholdId.of("b"), b));
      long amount = random.nextLong() >>> 11; // up to 2^53 - 1
      long[] s = c.split(amount);
      BigInteger[] qr =
          BigInteger.valueOf(amount).multiply(c.weight(0)).divideAndRemainder(c.total());
      assertThat(s[0] + s[1]).as("seed %d", seed).isEqualTo(amount);
      long ceil = qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
      assertThat(s[0]).as("seed %d", seed).isBetween(qr[0].longValueExact(), ceil);
    }
  }

  @Test
  void composition_weightsInLowestTerms_invalidRejected() {
    Composition c = Composition.of(Map.of(HouseholdId.of("b"), 1000L, HouseholdId.of("a"), 5000L));
    assertThat(c.toString()).isEqualTo("{a=5, b=1} / 6");
    assertThat(c)
        .isEqualTo(Composition.of(Map.of(HouseholdId.of("a"), 5L, HouseholdId.of("b"), 1L)));
    assertThatThrownBy(() -> Composition.of(Map.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Composition.of(Map.of(HouseholdId.of("a"), 0L, HouseholdId.of("b"), 3L)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
