package net.suyuan.ledger.api.ledger;

import java.util.Locale;
import net.suyuan.ledger.core.chain.ChainWriter;
import net.suyuan.ledger.core.hash.HashAlg;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which ledger this instance serves ({@code ledger.*}, docs/configuration.md). Read once, by {@code
 * append.AppendConfiguration}, which turns it into the {@link LedgerInfo} bean: the one source of
 * the ledger id for every other component.
 *
 * @param id {@code ledger.id} (env {@code LEDGER_ID}): the ledger appended to and read
 * @param hashAlg {@code ledger.hash-alg} (env {@code LEDGER_HASH_ALG}): sha-256 or sm3, used only
 *     when the ledger is created
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(
    @DefaultValue("main") String id, @DefaultValue("sha-256") String hashAlg) {

  public LedgerProperties {
    // Before the properties records the id was trimmed; now a blank around it is an error rather
    // than silently a different ledger id than the one written in the configuration.
    if (id != null && !id.equals(id.strip())) {
      throw new IllegalArgumentException(
          "ledger.id (LEDGER_ID) must not have surrounding whitespace: '" + id + "'");
    }
    if (id == null || !ChainWriter.LEDGER_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "ledger.id (LEDGER_ID) must match " + ChainWriter.LEDGER_ID + ": " + id);
    }
    if (hashAlg == null || parse(hashAlg) == null) {
      throw new IllegalArgumentException(
          "ledger.hash-alg (LEDGER_HASH_ALG) must be sha-256 or sm3, got '" + hashAlg + "'");
    }
  }

  /** The configured hash algorithm (case and surrounding blanks ignored). */
  public HashAlg alg() {
    return parse(hashAlg);
  }

  private static HashAlg parse(String hashAlg) {
    return HashAlg.fromId(hashAlg.trim().toLowerCase(Locale.ROOT)).orElse(null);
  }
}
