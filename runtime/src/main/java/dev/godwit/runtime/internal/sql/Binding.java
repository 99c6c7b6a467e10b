package dev.godwit.runtime.internal.sql;

import dev.godwit.runtime.ColumnType;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A statement parameter with the type that binds it. */
public record Binding(ColumnType<?> type, Object value) {

  public void bind(PreparedStatement statement, int index) throws SQLException {
    type.bindUnchecked(statement, index, value);
  }
}
