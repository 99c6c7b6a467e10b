package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.Condition;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.Verification;
import dev.godwit.runtime.VerificationResult;
import dev.godwit.runtime.internal.sql.RowKeys;
import dev.godwit.runtime.internal.sql.TableSql;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Counts the rows a verification still finds in the old format, with a sample of their keys (a
 * composite key as an immutable {@code List<Object>} in key order).
 */
public final class Verifier {

  /** How many keys a verification samples. */
  public static final int SAMPLE = 10;

  private Verifier() {}

  public static <T> VerificationResult verify(Connection connection, Dialect dialect,
      Verification<T> verification) throws SQLException {
    TableSql<T> sql = new TableSql<>(dialect, verification.table());
    long remaining = count(connection, sql, verification.remaining(), null);
    List<Object> sample = new ArrayList<>();
    if (remaining > 0) {
      try (PreparedStatement statement =
              sql.selectIds(verification.remaining(), null, SAMPLE, false).prepare(connection);
          ResultSet resultSet = statement.executeQuery()) {
        while (resultSet.next()) {
          sample.add(RowKeys.read(verification.table(), resultSet, 1));
        }
      }
    }
    return new VerificationResult(verification.name(), remaining, sample);
  }

  /** How many rows match {@code where} after {@code after} ({@code null}: all). */
  public static <T> long count(Connection connection, TableSql<T> sql, Condition<T> where, Object after)
      throws SQLException {
    try (PreparedStatement statement = sql.count(where, after).prepare(connection);
        ResultSet resultSet = statement.executeQuery()) {
      resultSet.next();
      return resultSet.getLong(1);
    }
  }

  /** The sample's keys as messages name rows. */
  public static String sampleText(Table<?> table, VerificationResult result) {
    return result.sampleIds().stream().map(id -> RowKeys.describe(table, id))
        .collect(Collectors.joining(", "));
  }
}
