package net.suyuan.ledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the ledger HTTP API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerApplication {

  /**
   * Starts the server; {@code demo ...} instead loads the demo into a running server (see {@link
   * net.suyuan.ledger.api.demo.DemoCommand}).
   */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("demo")) {
      System.exit(
          net.suyuan.ledger.api.demo.DemoCommand.run(
              java.util.Arrays.copyOfRange(args, 1, args.length)));
    }
    SpringApplication.run(LedgerApplication.class, args);
  }
}
