package net.suyuan.ledger.api.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.api.LedgerApplication;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

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
    return new SpringApplicationBuilder(LedgerApplication.class)
        .initializers(LedgerApps::ownNettyResources)
        .run(args.toArray(String[]::new));
  }

  /**
   * Gives the instance its own Netty event loops and connection pools, as Spring Boot's test
   * framework does for the contexts it creates. A context left on reactor-netty's JVM-wide
   * resources disposes them when it closes ({@link ReactorResourceFactory#stop}), and the HTTP
   * clients of the test contexts still running (WebTestClient) lose their connections: a test
   * starting shortly after a two-instance test had one request hang until WebTestClient's 5 s
   * timeout (seen in CI in IncomeAccessTest and ResolverTest, on the first requests after an
   * instance closed).
   */
  private static void ownNettyResources(ConfigurableApplicationContext context) {
    context
        .getBeanFactory()
        .addBeanPostProcessor(
            new BeanPostProcessor() {
              @Override
              public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof ReactorResourceFactory factory) {
                  factory.setUseGlobalResources(false);
                }
                return bean;
              }
            });
  }

  /** A WebTestClient for the instance's server. */
  public static WebTestClient client(ConfigurableApplicationContext context) {
    return WebTestClient.bindToServer().baseUrl(baseUrl(context)).build();
  }

  /** A WebClient for the instance's server, for load from many concurrent requests. */
  public static WebClient webClient(ConfigurableApplicationContext context) {
    return WebClient.builder().baseUrl(baseUrl(context)).build();
  }

  private static String baseUrl(ConfigurableApplicationContext context) {
    return "http://127.0.0.1:" + port(context);
  }

  /** The port the instance's server listens on. */
  public static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
