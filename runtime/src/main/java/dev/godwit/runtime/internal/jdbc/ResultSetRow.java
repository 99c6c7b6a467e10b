package dev.godwit.runtime.internal.jdbc;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.Row;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The current row of a result set whose columns were selected in a known order. */
public final class ResultSetRow implements Row {

  private final ResultSet resultSet;
  private final Column<?, ?>[] selected;
  private final Map<String, Integer> indexes = new HashMap<>();
  /**
   * The zero-based position the next {@link #get} most likely asks for: generated readers ask for
   * the columns in the order they were selected, so most values need no look-up by name.
   */
  private int next;

  public ResultSetRow(ResultSet resultSet, List<? extends Column<?, ?>> columns) {
    this.resultSet = resultSet;
    this.selected = columns.toArray(new Column<?, ?>[0]);
    for (int i = 0; i < selected.length; i++) {
      indexes.put(selected[i].key(), i + 1);
    }
  }

  @Override
  public <V> V get(Column<?, V> column) throws SQLException {
    int index;
    if (selected.length > 0 && selected[next] == column) {
      index = next + 1;
    } else {
      Integer found = indexes.get(column.key());
      if (found == null) {
        throw new IllegalArgumentException(
            "column " + column.name() + " was not read; read only the table's own columns");
      }
      index = found;
    }
    next = index == selected.length ? 0 : index;
    return column.type().read(resultSet, index);
  }

  /** Every read column as text, by name, {@code null} values kept: the "before" of a dry run. */
  public Map<String, String> asText(List<? extends Column<?, ?>> columns) throws SQLException {
    Map<String, String> text = new LinkedHashMap<>();
    for (Column<?, ?> column : columns) {
      text.put(column.name(), column.type().encodeUnchecked(get(column)));
    }
    return text;
  }
}
