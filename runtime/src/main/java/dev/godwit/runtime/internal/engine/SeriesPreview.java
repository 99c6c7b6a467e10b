package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.internal.jdbc.Database;
import dev.godwit.runtime.internal.state.StateStore;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dry run of a series of migrations: each migration's next batch, in order, in one transaction on
 * one connection that is rolled back at the end, so that each preview sees the writes of the batches
 * previewed before it, as the real run would, and nothing is kept, the state table included. Where an
 * earlier migration of the same table has rows left after its first batch, the later previews say so
 * rather than show less than the run will do.
 *
 * <p>The row locks of every previewed batch are held until {@link #close()}: the series' first
 * batches, for as long as previewing them takes.
 */
public final class SeriesPreview implements AutoCloseable {

  private final Database database;
  private final StateStore store;
  private final Database.BatchConnection batches;
  /** By table: the migrations previewed so far whose passes have rows left, with how many. */
  private final Map<String, Map<String, Long>> unfinished = new HashMap<>();

  /**
   * Opens the transaction the previews share.
   *
   * @throws dev.godwit.runtime.MigrationException if the database cannot be reached
   */
  public SeriesPreview(Database database, StateStore store) throws SQLException {
    this.database = database;
    this.store = store;
    this.batches = database.connectForBatches();
  }

  /**
   * Previews the next migration of the series after those already previewed.
   *
   * @param options how the migration would run; a dry run
   * @return its preview, with its caveats; state {@code FAILED} if its batch failed
   */
  public <T> RunResult preview(Migration<T> migration, RunOptions options) throws SQLException {
    String table = migration.table().qualifiedName();
    Map<String, Long> earlier = new LinkedHashMap<>(unfinished.getOrDefault(table, Map.of()));
    MigrationRun.Preview preview = new MigrationRun<>(database, store, migration, options)
        .preview(batches.connection(), earlier);
    if (preview.rowsLeft() > 0) {
      unfinished.computeIfAbsent(table, name -> new LinkedHashMap<>())
          .put(migration.name(), preview.rowsLeft());
    }
    return preview.result();
  }

  /** Rolls every previewed batch back and gives the connection back. */
  @Override
  public void close() throws SQLException {
    try {
      batches.connection().rollback();
    } finally {
      batches.close();
    }
  }
}
