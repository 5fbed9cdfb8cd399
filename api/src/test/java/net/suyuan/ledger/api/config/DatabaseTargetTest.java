package net.suyuan.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseTargetTest {

  @Test
  void r2dbcUrl_keepsHostPortDatabaseAndParameters() {
    DatabaseTarget t =
        new DatabaseTarget("jdbc:postgresql://db:5432/ledger?sslmode=require", "u", "p", "test");
    assertThat(t.r2dbcUrl()).isEqualTo("r2dbc:postgresql://db:5432/ledger?sslmode=require");
  }

  @Test
  void nonPostgresJdbcUrl_isRejected() {
    assertThatThrownBy(() -> new DatabaseTarget("jdbc:mysql://db/x", "u", "p", "test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:postgresql://");
  }

  @Test
  void nullPassword_becomesEmpty() {
    assertThat(new DatabaseTarget("jdbc:postgresql://h/d", "u", null, "t").password()).isEmpty();
  }
}
