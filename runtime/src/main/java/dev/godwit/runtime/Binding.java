package dev.godwit.runtime;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A statement parameter with the type that binds it. */
record Binding(ColumnType<?> type, Object value) {

  void bind(PreparedStatement statement, int index) throws SQLException {
    type.bindUnchecked(statement, index, value);
  }
}
