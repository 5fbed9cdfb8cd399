package net.suyuan.ledger.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the running API over real HTTP (random port, WebTestClient bound to the server) on
 * a fresh PostgreSQL database. The admin secret is {@link #ADMIN_KEY}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "LEDGER_ADMIN_KEY=" + LedgerApiTest.ADMIN_KEY)
@ContextConfiguration(loader = FreshDatabaseContextLoader.class)
@AutoConfigureWebTestClient
@Import(TestClientConnections.class)
public @interface LedgerApiTest {

  String ADMIN_KEY = "test-admin-secret-0123456789";
}
