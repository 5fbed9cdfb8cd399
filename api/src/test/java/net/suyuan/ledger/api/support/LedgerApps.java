package net.suyuan.ledger.api.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.api.LedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts extra application instances by hand, e.g. two APIs on the SAME database for concurrency
 * tests: {@code var db = TestDatabases.fresh(); var a = LedgerApps.start(db); var b =
 * LedgerApps.start(db);}. Close them when done.
 */
public final class LedgerApps {

  private LedgerApps() {}

  public static ConfigurableApplicationContext start(TestDatabase db, String... extraArgs) {
    List<String> args = new ArrayList<>();
    for (Map.Entry<String, Object> p : db.springProperties().entrySet()) {
      args.add("--" + p.getKey() + "=" + p.getValue());
    }
    args.add("--server.port=0");
    args.add("--" + FreshDatabaseContextLoader.TEST_DB_URL + "=" + db.jdbcUrl());
    args.addAll(List.of(extraArgs));
    return new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new));
  }

  /** The port the instance's server listens on. */
  public static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
