package net.suyuan.ledger.api.demo;

import java.io.IOException;

/**
 * {@code java -jar api.jar demo --url http://localhost:8080 --admin-key KEY}: loads the demo into a
 * running server's empty ledger over HTTP (no Spring context is started). Exit codes: 0 loaded, 1
 * refused or failed, 2 usage.
 */
public final class DemoCommand {
  private DemoCommand() {}

  public static int run(String[] args) {
    String url = "http://localhost:8080";
    String key = System.getenv("LEDGER_ADMIN_KEY");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url":
          url = i + 1 < args.length ? args[++i] : null;
          break;
        case "--admin-key":
          key = i + 1 < args.length ? args[++i] : null;
          break;
        case "-h":
        case "--help":
          System.out.println(USAGE);
          return 0;
        default:
          System.err.println("unknown option " + args[i] + "\n" + USAGE);
          return 2;
      }
    }
    if (url == null || key == null || key.isBlank()) {
      System.err.println("an admin key is required (--admin-key or LEDGER_ADMIN_KEY)\n" + USAGE);
      return 2;
    }
    try {
      new DemoClient(url, key, System.err::println).load(new DemoScenario());
      return 0;
    } catch (DemoClient.DemoException | IOException e) {
      System.err.println("demo: " + e.getMessage());
      return 1;
    }
  }

  static final String USAGE =
      "Usage: java -jar api.jar demo [--url URL] [--admin-key KEY]\n"
          + "Loads the demo programs (docs/demo.md) into the server's empty ledger.\n"
          + "  --url URL         the running api (default http://localhost:8080)\n"
          + "  --admin-key KEY   an admin key (default: $LEDGER_ADMIN_KEY)";
}
