package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.RowChange;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.internal.jdbc.ResultSetRow;
import dev.godwit.runtime.internal.sql.RowKeys;
import dev.godwit.runtime.internal.sql.TableSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The before and after of the rows a dry run changed, read from the database inside its batch. */
public final class RowChanges {

  /** How many changed rows a dry run describes. */
  public static final int LIMIT = RunResult.SHOWN;

  private RowChanges() {}

  /** Every column of the rows with these keys, as text, by key as text. */
  public static <T> Map<String, Map<String, String>> read(Connection connection, TableSql<T> sql,
      List<Object> ids) throws SQLException {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return rows;
    }
    Table<T> table = sql.table();
    try (PreparedStatement statement = sql.selectByIds(ids).prepare(connection);
        ResultSet resultSet = statement.executeQuery()) {
      ResultSetRow row = new ResultSetRow(resultSet, table.columns());
      while (resultSet.next()) {
        rows.put(RowKeys.text(table, RowKeys.read(table, row)), row.asText(table.columns()));
      }
    }
    return rows;
  }

  /** The changes of rows described before the batch's writes, reading their after now. */
  public static <T> List<RowChange> describe(Connection connection, TableSql<T> sql, List<Object> ids,
      Map<String, Map<String, String>> before) throws SQLException {
    Map<String, Map<String, String>> after = read(connection, sql, ids);
    List<RowChange> changes = new ArrayList<>();
    for (Object id : ids) {
      String key = RowKeys.text(sql.table(), id);
      changes.add(new RowChange(id, before.get(key), after.get(key)));
    }
    return changes;
  }
}
