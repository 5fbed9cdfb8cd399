package net.suyuan.ledger.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the running API over real HTTP (random port, WebTestClient bound to the server) on
 * a fresh PostgreSQL database. The admin secret is {@link #ADMIN_KEY}. Tagged {@code integration}:
 * these classes run in failsafe, not with the unit tests (docs/testing.md).
 *
 * <p>Classes with the same configuration share one application context, hence one database; a class
 * that rewrites or deletes a ledger adds {@link OwnDatabase}.
 */
@Tag("integration")
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
