package net.suyuan.ledger.core.id;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written id checks against the regexes they stand for. */
class IdSyntaxTest {
  /** Every class boundary of both patterns, a line terminator and a non-ASCII letter. */
  private static final String ALPHABET = "aAzZ09._-/:@[`{~ \n\u00e9";

  @Test
  void matches_equalsTheRegex_onAllShortStrings() {
    for (Pattern p : List.of(IdSyntax.PSEUDONYM, IdSyntax.ORG)) {
      check(p, "");
      for (char a : ALPHABET.toCharArray()) {
        check(p, "" + a);
        for (char b : ALPHABET.toCharArray()) {
          check(p, "" + a + b);
          for (char c : ALPHABET.toCharArray()) {
            check(p, "" + a + b + c);
          }
        }
      }
    }
  }

  @Test
  void matches_equalsTheRegex_onRandomLengths() {
    long seed = new Random().nextLong();
    Random r = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      int n = r.nextInt(70);
      StringBuilder s = new StringBuilder();
      for (int j = 0; j < n; j++) {
        s.append(
            r.nextInt(50) == 0
                ? ALPHABET.charAt(r.nextInt(ALPHABET.length()))
                : "abz09._-".charAt(r.nextInt(8)));
      }
      for (Pattern p : List.of(IdSyntax.PSEUDONYM, IdSyntax.ORG)) {
        assertEquals(
            p.matcher(s).matches(),
            IdSyntax.matches(p, s.toString()),
            () -> "seed " + seed + ": '" + s + "' against " + p);
      }
    }
  }

  private static void check(Pattern p, String s) {
    assertEquals(p.matcher(s).matches(), IdSyntax.matches(p, s), () -> "'" + s + "' " + p);
  }
}
