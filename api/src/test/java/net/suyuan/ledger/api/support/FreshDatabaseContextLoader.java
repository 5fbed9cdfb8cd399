package net.suyuan.ledger.api.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootContextLoader;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every test application context its own fresh database. The properties are inlined into the
 * environment before {@code DatabaseEnvironmentPostProcessor} runs, so it leaves them alone (and
 * never starts the application's own embedded database in tests).
 */
public class FreshDatabaseContextLoader extends SpringBootContextLoader {

  /** Property holding the test database's JDBC URL. */
  public static final String TEST_DB_URL = "ledger.test.db.url";

  @Override
  protected String[] getInlinedProperties(MergedContextConfiguration config) {
    List<String> props = new ArrayList<>(List.of(super.getInlinedProperties(config)));
    TestDatabase db = TestDatabases.fresh();
    for (Map.Entry<String, Object> p : db.springProperties().entrySet()) {
      props.add(p.getKey() + "=" + p.getValue());
    }
    props.add(TEST_DB_URL + "=" + db.jdbcUrl());
    return props.toArray(String[]::new);
  }
}
