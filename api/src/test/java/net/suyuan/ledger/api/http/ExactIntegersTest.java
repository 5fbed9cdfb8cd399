package net.suyuan.ledger.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import net.suyuan.ledger.api.support.LedgerApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * Issue 11 defect 2: a total in a JSON response beyond ±(2^53−1) leaves I-JSON's exact range and
 * would be rounded by a reader that parses numbers as doubles; the server's own JSON encoder (the
 * one WebFlux writes every response body with) sends such a value as a string of its digits.
 */
@LedgerApiTest
class ExactIntegersTest {

  @Autowired ServerCodecConfigurer codecs;

  @Test
  void responseEncoder_writesIntegersBeyondTwoToThe53AsStrings_andTheRestAsNumbers() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("exactMax", ExactIntegers.MAX_EXACT);
    body.put("exactMin", -ExactIntegers.MAX_EXACT);
    body.put("justBeyond", ExactIntegers.MAX_EXACT + 1);
    body.put("justBelow", -ExactIntegers.MAX_EXACT - 1);
    body.put("longMax", Long.MAX_VALUE);
    body.put("small", 42L);
    body.put("int", 7);

    assertThat(encode(body))
        .isEqualTo(
            "{\"exactMax\":9007199254740991,\"exactMin\":-9007199254740991,"
                + "\"justBeyond\":\"9007199254740992\",\"justBelow\":\"-9007199254740992\","
                + "\"longMax\":\"9223372036854775807\",\"small\":42,\"int\":7}");
  }

  @SuppressWarnings("unchecked")
  private String encode(Object value) {
    ResolvableType type = ResolvableType.forInstance(value);
    for (HttpMessageWriter<?> writer : codecs.getWriters()) {
      if (writer instanceof EncoderHttpMessageWriter<?> e
          && e.canWrite(type, MediaType.APPLICATION_JSON)) {
        Encoder<Object> encoder = (Encoder<Object>) e.getEncoder();
        DataBuffer buffer =
            encoder.encodeValue(
                value,
                DefaultDataBufferFactory.sharedInstance,
                type,
                MediaType.APPLICATION_JSON,
                null);
        return buffer.toString(StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no JSON writer among the server's codecs");
  }
}
