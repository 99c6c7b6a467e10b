package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.Condition;
import dev.godwit.runtime.MigrationContext;
import dev.godwit.runtime.Patch;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.internal.jdbc.DecimalScales;
import dev.godwit.runtime.internal.sql.BatchReads;
import dev.godwit.runtime.internal.sql.BatchWrites;
import dev.godwit.runtime.internal.sql.RowKeys;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The context of one {@code migrateOne} call: collects the row's writes for the batch's flush and
 * reads through the batch's connection. Unusable once the call returns.
 */
public final class RowContext implements MigrationContext {

  private final String migrationName;
  private final boolean dryRun;
  private final BatchReads reads;
  private final DecimalScales scales;
  private final List<BatchWrites.Write> writes = new ArrayList<>();
  private volatile boolean closed;

  public RowContext(String migrationName, boolean dryRun, BatchReads reads, DecimalScales scales) {
    this.migrationName = migrationName;
    this.scales = scales;
    this.dryRun = dryRun;
    this.reads = reads;
  }

  @Override
  public String migrationName() {
    return migrationName;
  }

  @Override
  public boolean isDryRun() {
    return dryRun;
  }

  @Override
  public <U> void insert(Table<U> table, Patch<U> values) {
    write(new BatchWrites.Insert(Objects.requireNonNull(table, "table"),
        Objects.requireNonNull(values, "values").copy()));
  }

  @Override
  public <U> void update(Table<U> table, Object id, Patch<U> patch) {
    checkOpen();
    Objects.requireNonNull(table, "table");
    write(new BatchWrites.Update(table, RowKeys.checked(table, id),
        Objects.requireNonNull(patch, "patch").copy()));
  }

  @Override
  public <U> void delete(Table<U> table, Object id) {
    checkOpen();
    Objects.requireNonNull(table, "table");
    write(new BatchWrites.Delete(table, RowKeys.checked(table, id)));
  }

  @Override
  public <U> List<U> select(Table<U> table, Condition<U> where, int limit) throws SQLException {
    checkOpen();
    return reads.select(Objects.requireNonNull(table, "table"), Objects.requireNonNull(where, "where"),
        limit);
  }

  @Override
  public <U> boolean exists(Table<U> table, Condition<U> where) throws SQLException {
    checkOpen();
    return reads.exists(Objects.requireNonNull(table, "table"), Objects.requireNonNull(where, "where"));
  }

  @Override
  public Connection connection() {
    checkOpen();
    return reads.connection();
  }

  /** The writes asked for, in the order they were asked. */
  public List<BatchWrites.Write> writes() {
    return writes;
  }

  public void close() {
    closed = true;
  }

  private void write(BatchWrites.Write write) {
    checkOpen();
    BatchWrites.check(write, scales);
    writes.add(write);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the context of migration " + migrationName
          + " was used after its migrateOne call returned; use it only inside that call");
    }
  }
}
