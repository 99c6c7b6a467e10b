package dev.godwit.runtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The current row of a result set whose columns were selected in a known order. */
final class ResultSetRow implements Row {

  private final ResultSet resultSet;
  private final Map<String, Integer> indexes = new HashMap<>();

  ResultSetRow(ResultSet resultSet, List<? extends Column<?, ?>> columns) {
    this.resultSet = resultSet;
    for (int i = 0; i < columns.size(); i++) {
      indexes.put(columns.get(i).key(), i + 1);
    }
  }

  @Override
  public <V> V get(Column<?, V> column) throws SQLException {
    Integer index = indexes.get(column.key());
    if (index == null) {
      throw new IllegalArgumentException(
          "column " + column.name() + " was not read; read only the table's own columns");
    }
    return column.type().read(resultSet, index);
  }

  /** Every read column as text, by name, {@code null} values kept: the "before" of a dry run. */
  Map<String, String> asText(List<? extends Column<?, ?>> columns) throws SQLException {
    Map<String, String> text = new LinkedHashMap<>();
    for (Column<?, ?> column : columns) {
      text.put(column.name(), column.type().encodeUnchecked(get(column)));
    }
    return text;
  }
}
