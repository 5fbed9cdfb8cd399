package net.suyuan.ledger.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.TestJdbc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

@LedgerApiTest
class SchemaMigrationTest {

  @Autowired Environment env;

  private Connection connect() throws SQLException {
    return TestJdbc.connect(env);
  }

  @Test
  void migrate_freshDatabase_appliesV1Successfully() throws SQLException {
    try (Connection c = connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("version")).isEqualTo("1");
      assertThat(rs.getBoolean("success")).isTrue();
    }
  }

  @Test
  void migrate_createsAllTablesWithACommentOnEveryTableAndColumn() throws SQLException {
    List<String> uncommented = new ArrayList<>();
    String sql =
        "SELECT c.relname, a.attname, col_description(c.oid, a.attnum) AS col_comment,"
            + " obj_description(c.oid, 'pg_class') AS table_comment"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " WHERE n.nspname = 'public' AND c.relkind = 'r'"
            + " AND c.relname <> 'flyway_schema_history'";
    List<String> tables = new ArrayList<>();
    try (Connection c = connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        String table = rs.getString("relname");
        if (!tables.contains(table)) {
          tables.add(table);
        }
        if (rs.getString("table_comment") == null) {
          uncommented.add(table);
        }
        if (rs.getString("col_comment") == null) {
          uncommented.add(table + "." + rs.getString("attname"));
        }
      }
    }
    assertThat(tables)
        .containsExactlyInAnyOrder(
            "ledger",
            "entry",
            "entry_lot",
            "idempotency",
            "organization",
            "api_key",
            "household_profile",
            // V2: validation state
            "product",
            "standard_version",
            "site",
            "household",
            "lot",
            "sale",
            "refund",
            // V4: income
            "income_watermark",
            "income_product",
            "income_line",
            "revenue_line",
            "income_revenue_month",
            "income_household_gtin_year",
            "income_household_year",
            "income_program_year",
            "income_program_channel_year");
    assertThat(uncommented).isEmpty();
  }
}
