package net.suyuan.ledger.api.append;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * One write of a commit group: SQL whose {@code $1} is the ledger id and whose {@code $2…} are
 * {@code params}. {@link #runAll} sends a group's writes as ONE statement of data-modifying CTEs
 * (PostgreSQL runs each exactly once, within the statement), so a group pays one round trip for all
 * its writes instead of one per table.
 */
record Stmt(String sql, Object[] params) {
  private static final Pattern PARAM = Pattern.compile("\\$(\\d+)");

  /** Runs the statements as one: {@code WITH w0 AS (…), w1 AS (…) … SELECT 1}. */
  static Mono<Void> runAll(DatabaseClient db, String ledger, List<Stmt> statements) {
    if (statements.isEmpty()) {
      return Mono.empty();
    }
    StringBuilder sql = new StringBuilder("WITH ");
    List<Object> params = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      Stmt s = statements.get(i);
      int offset = params.size(); // $k (k >= 2) of this statement becomes $(k + offset)
      Matcher m = PARAM.matcher(s.sql());
      StringBuilder renumbered = new StringBuilder();
      while (m.find()) {
        int k = Integer.parseInt(m.group(1));
        m.appendReplacement(renumbered, "\\$" + (k == 1 ? 1 : k + offset));
      }
      m.appendTail(renumbered);
      sql.append(i == 0 ? "" : ", ")
          .append('w')
          .append(i)
          .append(" AS (")
          .append(renumbered)
          .append(')');
      params.addAll(List.of(s.params()));
    }
    sql.append(" SELECT 1");
    DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind(0, ledger);
    for (int i = 0; i < params.size(); i++) {
      spec = spec.bind(i + 1, params.get(i));
    }
    return spec.fetch().rowsUpdated().then();
  }
}
