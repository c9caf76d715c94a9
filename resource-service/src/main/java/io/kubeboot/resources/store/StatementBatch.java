package io.kubeboot.resources.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The one-statement writes of a batch, sent together: one JDBC batch per SQL text, which the
 * driver sends in one round trip, instead of a round trip per write. Which of them changed their
 * row comes back as the batch's update counts.
 */
final class StatementBatch {

  private final NamedParameterJdbcTemplate jdbc;
  private final Map<String, List<PendingWrite<?>>> bySql = new LinkedHashMap<>();

  StatementBatch(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void add(PendingWrite<?> write) {
    bySql.computeIfAbsent(write.statement().sql(), sql -> new ArrayList<>()).add(write);
  }

  /** Runs the statements added since the last send and settles their writes. */
  void send() {
    for (Map.Entry<String, List<PendingWrite<?>>> group : bySql.entrySet()) {
      List<PendingWrite<?>> writes = group.getValue();
      SqlParameterSource[] parameters = writes.stream()
          .map(write -> new MapSqlParameterSource(write.statement().parameters(write.revision)))
          .toArray(SqlParameterSource[]::new);
      int[] rows = jdbc.batchUpdate(group.getKey(), parameters);
      for (int i = 0; i < writes.size(); i++) {
        if (rows[i] != 0 && rows[i] != 1) {
          throw new IllegalStateException("a write's statement reported " + rows[i] + " rows, not 0 or 1");
        }
        writes.get(i).settle(rows[i]);
      }
    }
    bySql.clear();
  }
}
