package dev.godwit.runtime;

/** {@code migrateOne} failed on one row: the batch is rolled back and the row's key recorded. */
final class RowFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final String rowId;

  RowFailure(String rowId, Throwable cause) {
    super(cause);
    this.rowId = rowId;
  }

  /** The failing row's key, as text: the form the cursor is recorded in. */
  String rowId() {
    return rowId;
  }
}
