package net.suyuan.ledger.api.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether to load the demo at start-up ({@code ledger.demo}, env {@code LEDGER_DEMO};
 * docs/configuration.md and docs/demo.md).
 *
 * @param demo true: load the demo into an empty ledger once the server is ready
 */
@ConfigurationProperties("ledger")
public record DemoProperties(@DefaultValue("false") boolean demo) {}
