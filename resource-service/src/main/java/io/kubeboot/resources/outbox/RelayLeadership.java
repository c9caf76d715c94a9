package io.kubeboot.resources.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Only one resource-service replica relays the outbox, or two would interleave one object's
 * events. The leader holds a PostgreSQL session advisory lock on a connection of its own; if
 * that connection dies the lock goes with it and another replica takes over.
 */
@Component
class RelayLeadership {

  private static final long LOCK_KEY = 0x6b7562656f6f7401L; // "kubeboot" + 1

  private final DataSource dataSource;
  private Connection connection;

  RelayLeadership(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  synchronized boolean acquire() {
    try {
      if (connection != null && connection.isValid(2)) {
        return true;
      }
      release();
      Connection candidate = dataSource.getConnection();
      candidate.setAutoCommit(true);
      try (PreparedStatement lock = candidate.prepareStatement("select pg_try_advisory_lock(?)")) {
        lock.setLong(1, LOCK_KEY);
        try (ResultSet result = lock.executeQuery()) {
          if (result.next() && result.getBoolean(1)) {
            connection = candidate;
            return true;
          }
        }
      }
      candidate.close();
      return false;
    } catch (SQLException e) {
      release();
      return false;
    }
  }

  synchronized void release() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the lock ends with the session either way
      }
      connection = null;
    }
  }
}
