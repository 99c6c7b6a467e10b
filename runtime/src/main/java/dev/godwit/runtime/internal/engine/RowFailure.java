package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.internal.sql.RowKeys;
import dev.godwit.runtime.Table;

/** {@code migrateOne} failed on one row: the batch is rolled back and the row's key recorded. */
public final class RowFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final String rowId;
  private final String row;

  /**
   * @param table the table the row is in
   * @param key the row's key, as {@link RowKeys} holds it
   */
  public RowFailure(Table<?> table, Object key, Throwable cause) {
    super(cause);
    this.rowId = RowKeys.text(table, key);
    this.row = RowKeys.describe(table, key);
  }

  /** The failing row's key, as text: the form the cursor is recorded in. */
  public String rowId() {
    return rowId;
  }

  /** The failing row's key as messages name it: {@code 57}, or {@code (order_id=1, line_no=2)}. */
  public String row() {
    return row;
  }
}
