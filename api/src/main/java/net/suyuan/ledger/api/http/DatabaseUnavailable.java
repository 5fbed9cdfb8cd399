package net.suyuan.ledger.api.http;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Whether an error means the database is lost or unavailable (a 503 the client may retry), as
 * opposed to a bug (a 500). Found anywhere in the cause chain: the R2DBC driver, the pool and
 * Spring's translation each wrap it differently. PostgreSQL SQLSTATE classes: 08 connection
 * exception, 53 insufficient resources, 57P operator intervention (57P01 {@code
 * pg_terminate_backend}, shutdown, 57P03 cannot connect now).
 */
public final class DatabaseUnavailable {

  private DatabaseUnavailable() {}

  public static boolean isCause(Throwable error) {
    int depth = 0;
    for (Throwable t = error; t != null && depth < 32; t = t.getCause(), depth++) {
      if (matches(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(Throwable t) {
    if (t instanceof DataAccessResourceFailureException
        || t instanceof TransientDataAccessResourceException
        || t instanceof QueryTimeoutException
        || t instanceof R2dbcNonTransientResourceException
        || t instanceof R2dbcTransientResourceException
        || t instanceof R2dbcTimeoutException
        || t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof TimeoutException
        || t instanceof IOException) {
      return true;
    }
    String state =
        t instanceof R2dbcException r
            ? r.getSqlState()
            : t instanceof SQLException s ? s.getSQLState() : null;
    if (state != null
        && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P"))) {
      return true;
    }
    // reactor-pool's acquire timeout and the driver's "connection closed" carry no SQLSTATE.
    String name = t.getClass().getName();
    return name.startsWith("reactor.pool.PoolAcquire")
        || name.endsWith("ConnectionClosedException")
        || name.equals("io.netty.channel.StacklessClosedChannelException");
  }
}
