package net.suyuan.ledger.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** c2sp.org/tlog-witness add-checkpoint bodies; the vector is the spec's example request. */
class AddCheckpointRequestTest {
  static final String SPEC_EXAMPLE =
      """
      old 20852014
      PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
      jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
      5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=
      /6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=

      example.com/behind-the-sofa
      20852163
      CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

      — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
      — example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=
      """;

  @Test
  void specExample_parsesAndReencodesByteForByte() throws Exception {
    AddCheckpointRequest r = AddCheckpointRequest.parse(SPEC_EXAMPLE);
    assertThat(r.oldSize()).isEqualTo(20852014L);
    assertThat(r.proof()).hasSize(4);
    assertThat(r.proof().getFirst().base64())
        .isEqualTo("PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=");
    assertThat(r.checkpoint().signatures()).hasSize(2);
    assertThat(Checkpoint.parse(r.checkpoint().text()).size()).isEqualTo(20852163L);
    assertThat(r.encode()).isEqualTo(SPEC_EXAMPLE);
  }

  @Test
  void emptyProof_fromSizeZero_roundTrips() throws Exception {
    String body = SPEC_EXAMPLE.replaceFirst("(?s)old 20852014\n.*?\n\n", "old 0\n\n");
    AddCheckpointRequest r = AddCheckpointRequest.parse(body);
    assertThat(r.oldSize()).isZero();
    assertThat(r.proof()).isEmpty();
    assertThat(r.encode()).isEqualTo(body);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "old 020852014\n",
        "old -1\n",
        "old  1\n",
        "olds 1\n",
        "\n",
        "old 1\nnot base64\n",
        "old 1\nAAAA\n",
      })
  void malformedBodies_areRejected(String head) {
    String body = head + SPEC_EXAMPLE.substring(SPEC_EXAMPLE.indexOf("\n\n") + 1);
    assertThatThrownBy(() -> AddCheckpointRequest.parse(body))
        .as(body)
        .isInstanceOf(LogFormatException.class);
  }

  @Test
  void moreThan63ProofLines_areRejected() {
    String line = "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n";
    String body =
        "old 1\n" + line.repeat(64) + SPEC_EXAMPLE.substring(SPEC_EXAMPLE.indexOf("\n\n") + 1);
    assertThatThrownBy(() -> AddCheckpointRequest.parse(body))
        .isInstanceOf(LogFormatException.class);
    assertThatThrownBy(
            () ->
                new AddCheckpointRequest(
                    1,
                    java.util.Collections.nCopies(64, new MerkleHash(new byte[32])),
                    AddCheckpointRequest.parse(SPEC_EXAMPLE).checkpoint()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void truncatedBody_isRejected() {
    assertThatThrownBy(() -> AddCheckpointRequest.parse("old 1\n"))
        .isInstanceOf(LogFormatException.class);
  }
}
