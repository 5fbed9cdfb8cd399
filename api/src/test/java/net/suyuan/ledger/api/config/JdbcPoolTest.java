package net.suyuan.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.TestJdbc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The audit's scan and the income work borrow from one bounded HikariCP pool ({@code
 * ledger.jdbc.pool-size}) and give every connection back: after audits and a replay check only the
 * income projector still holds one, and the database never sees more than the pool's size.
 */
@LedgerApiTest
@TestPropertySource(properties = "ledger.jdbc.pool-size=4")
class JdbcPoolTest {

  @Autowired DataSource dataSource;
  @Autowired WebTestClient http;
  @Autowired Environment env;

  @Test
  void auditsAndReplay_useTheBoundedPool_andReturnTheirConnections() throws Exception {
    assertThat(dataSource).isInstanceOf(HikariDataSource.class);
    HikariDataSource pool = (HikariDataSource) dataSource;
    assertThat(pool.getMaximumPoolSize()).isEqualTo(4);
    String auditor = new AdminClient(http).orgWithKey(AdminClient.uniqueOrgId("au"), "auditor");

    for (int i = 0; i < 5; i++) {
      http.get().uri("/api/v1/audit").exchange().expectStatus().isOk();
      http.post()
          .uri("/api/v1/income/replay")
          .header("Authorization", "Bearer " + auditor)
          .exchange()
          .expectStatus()
          .isOk();
    }

    // the projector keeps its connection between steps; the audits and replays gave theirs back
    assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isLessThanOrEqualTo(1);
    assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isBetween(1, 4);
    assertThat(poolConnectionsSeenByTheServer()).isBetween(1, 4);
  }

  private int poolConnectionsSeenByTheServer() throws Exception {
    try (Connection c = TestJdbc.connect(env);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND application_name = 'ledger-jdbc'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
