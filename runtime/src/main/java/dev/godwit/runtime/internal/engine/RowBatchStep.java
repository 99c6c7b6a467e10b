package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.Condition;
import dev.godwit.runtime.ErrorCode;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.Patch;
import dev.godwit.runtime.RowChange;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.internal.jdbc.DecimalScales;
import dev.godwit.runtime.internal.jdbc.ResultSetRow;
import dev.godwit.runtime.internal.jdbc.ReusedStatement;
import dev.godwit.runtime.internal.sql.BatchReads;
import dev.godwit.runtime.internal.sql.BatchWrites;
import dev.godwit.runtime.internal.sql.RowKeys;
import dev.godwit.runtime.internal.sql.TableSql;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A batch of a {@code migrateOne} migration: rows read under a lock, migrated one by one (in order, or
 * on an executor), and every patch and context write flushed together at the end.
 *
 * @param <T> the entity type of the table
 */
public final class RowBatchStep<T> implements BatchStep<T> {

  private final Migration<T> migration;
  private final Dialect dialect;
  private final DecimalScales scales;
  private final TableSql<T> sql;
  private final ExecutorService executor;
  private final ReusedStatement read = new ReusedStatement();

  /**
   * @param scales the declared decimal scales the writes are checked against
   * @param executor runs {@code migrateOne} on several threads; {@code null} runs it on the caller's
   */
  public RowBatchStep(Migration<T> migration, Dialect dialect, DecimalScales scales,
      ExecutorService executor) {
    this.migration = migration;
    this.scales = scales;
    this.dialect = dialect;
    this.sql = new TableSql<>(dialect, migration.table());
    this.executor = executor;
  }

  @Override
  public BatchOutcome execute(Connection connection, Condition<T> where, Object after, Object upTo,
      int limit, boolean dryRun) throws SQLException, RowFailure {
    Table<T> table = migration.table();
    List<Object> ids = new ArrayList<>();
    List<T> rows = new ArrayList<>();
    Map<String, Map<String, String>> before = new LinkedHashMap<>();
    try (ResultSet resultSet =
        read.bind(connection, sql.select(where, after, upTo, limit, true)).executeQuery()) {
      ResultSetRow row = new ResultSetRow(resultSet, table.columns());
      while (resultSet.next()) {
        Object id = RowKeys.read(table, row);
        try {
          rows.add(table.read(row));
        } catch (SQLException | RuntimeException e) {
          throw new RowFailure(table, id, e);
        }
        ids.add(id);
        if (dryRun) {
          before.put(RowKeys.text(table, id), row.asText(table.columns()));
        }
      }
    }
    if (rows.isEmpty()) {
      return BatchOutcome.EMPTY;
    }
    BatchReads reads = new BatchReads(connection, dialect);
    List<List<BatchWrites.Write>> perRow = migrateAll(rows, ids, reads, dryRun);
    BatchWrites writes = new BatchWrites();
    perRow.forEach(rowWrites -> rowWrites.forEach(writes::add));
    writes.flush(connection, dialect);

    Set<Object> changedIds = writes.changedIds(table);
    List<Object> described = new ArrayList<>();
    for (Object id : ids) {
      if (dryRun && described.size() < RowChanges.LIMIT && changedIds.contains(id)) {
        described.add(id);
      }
    }
    List<RowChange> changes = described.isEmpty()
        ? List.of() : RowChanges.describe(connection, sql, described, before);
    long changed = ids.stream().filter(changedIds::contains).count();
    return new BatchOutcome(rows.size(), changed, ids.get(ids.size() - 1), changes);
  }

  /** Each row's writes, its own patch last, in row order whatever thread migrated it. */
  private List<List<BatchWrites.Write>> migrateAll(List<T> rows, List<Object> ids, BatchReads reads,
      boolean dryRun) throws RowFailure {
    List<List<BatchWrites.Write>> results = new ArrayList<>(rows.size());
    if (executor == null) {
      for (int i = 0; i < rows.size(); i++) {
        results.add(migrateOne(rows.get(i), ids.get(i),
            new RowContext(migration.name(), dryRun, reads, scales)));
      }
      return results;
    }
    List<Callable<List<BatchWrites.Write>>> calls = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      T row = rows.get(i);
      Object id = ids.get(i);
      calls.add(() -> migrateOne(row, id, new RowContext(migration.name(), dryRun, reads, scales)));
    }
    List<Future<List<BatchWrites.Write>>> futures;
    try {
      futures = executor.invokeAll(calls);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException(ErrorCode.INTERRUPTED,
          ErrorCode.INTERRUPTED.message(migration.name(), ErrorCode.WHILE_MIGRATING), e);
    }
    for (Future<List<BatchWrites.Write>> future : futures) {
      try {
        results.add(future.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MigrationException(ErrorCode.INTERRUPTED,
            ErrorCode.INTERRUPTED.message(migration.name(), ErrorCode.WHILE_MIGRATING), e);
      } catch (ExecutionException e) {
        throw rethrow(e.getCause());
      }
    }
    return results;
  }

  private List<BatchWrites.Write> migrateOne(T row, Object id, RowContext context)
      throws RowFailure {
    try {
      Patch<T> patch = migration.rowMigration().migrate(context, row);
      List<BatchWrites.Write> writes = context.writes();
      if (patch != null && !patch.isEmpty()) {
        BatchWrites.Update update = new BatchWrites.Update(migration.table(), id, patch.copy());
        BatchWrites.check(update, scales);
        writes.add(update);
      }
      return writes;
    } catch (Exception e) {
      throw new RowFailure(migration.table(), id, e);
    } finally {
      context.close();
    }
  }

  private static RowFailure rethrow(Throwable error) {
    if (error instanceof RowFailure failure) {
      return failure;
    }
    if (error instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (error instanceof Error fatal) {
      throw fatal;
    }
    throw new IllegalStateException(error);
  }
}
