package net.suyuan.ledger.api.http;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Integers in JSON responses stay exact for every reader (issue 11 defect 2; docs/api.md, "Numbers
 * in responses"). I-JSON (RFC 7493 §2.2) promises exact integers only within ±(2^53−1), the range
 * of an IEEE 754 double, which is what a JavaScript client or many JSON libraries parse numbers
 * into. Amounts appended are bounded (docs/events.md, "Bounds at append") but a total over many
 * entries can pass 2^53−1 (at 900,720 maximal sales), so any {@code long} beyond that range is
 * written as a JSON string of its decimal digits instead of a number that would silently round.
 * Every value within the range is a plain number, as before.
 */
@Configuration(proxyBeanMethods = false)
public class ExactIntegers {

  /** 2^53−1: the largest integer every I-JSON reader holds exactly. */
  public static final long MAX_EXACT = (1L << 53) - 1;

  @Bean
  JsonMapperBuilderCustomizer exactIntegersInResponses() {
    SimpleModule module = new SimpleModule("ledger-exact-integers");
    module.addSerializer(Long.class, new LongSerializer());
    module.addSerializer(Long.TYPE, new LongSerializer());
    return builder -> builder.addModule(module);
  }

  /** Writes a long as a number within ±(2^53−1), else as a string of its digits. */
  static final class LongSerializer extends ValueSerializer<Long> {
    @Override
    public void serialize(Long value, JsonGenerator gen, SerializationContext ctxt) {
      long v = value;
      if (v > MAX_EXACT || v < -MAX_EXACT) {
        gen.writeString(Long.toString(v));
      } else {
        gen.writeNumber(v);
      }
    }
  }
}
