package dev.godwit.runtime.internal.schema;

import dev.godwit.runtime.ApplyOptions;
import dev.godwit.runtime.ApplyResult;
import dev.godwit.runtime.Phase;
import dev.godwit.runtime.SchemaMismatchException.Problem;
import dev.godwit.runtime.SchemaPlan;
import dev.godwit.runtime.TableSchema;
import dev.godwit.runtime.internal.jdbc.Database;
import dev.godwit.runtime.internal.state.StateStore;
import java.sql.SQLException;
import java.util.List;

/** Plans, applies and checks the schema steps of a migrator's database. */
public final class SchemaSteps {

  private final Database database;
  private final StateStore store;
  private final String stateSchema;
  private final String stateTable;

  public SchemaSteps(Database database, StateStore store, String stateSchema, String stateTable) {
    this.database = database;
    this.store = store;
    this.stateSchema = stateSchema;
    this.stateTable = stateTable;
  }

  public SchemaPlan plan(List<TableSchema<?>> schemas) throws SQLException {
    throw new UnsupportedOperationException("planning is being built");
  }

  public ApplyResult apply(List<TableSchema<?>> schemas, Phase phase, ApplyOptions options)
      throws SQLException {
    throw new UnsupportedOperationException("applying is being built");
  }

  public List<Problem> check(TableSchema<?> schema) throws SQLException {
    throw new UnsupportedOperationException("checking is being built");
  }
}
