package dev.godwit.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnSchema;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.Verification;
import dev.godwit.runtime.VerificationResult;
import dev.godwit.runtime.spi.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A database at a baseline's schema, for testing one deploy's migrations the way Room's
 * {@code MigrationTestHelper} tests an Android database's: create the tables as the last deploy left
 * them (from the committed schema snapshots), seed rows in the old format through a typed builder,
 * run this deploy's migrations, and assert that their verifications are complete and the values are
 * right.
 *
 * <pre>{@code
 * BaselineDatabase database = BaselineDatabase.inMemoryH2(Path.of("src/main/godwit/owners.json"));
 * database.row(OwnerTable.TABLE).set(OwnerTable.ID, 1L).set(OwnerTable.TELEPHONE, "555").insert();
 * database.runAll(OwnerMigrations.all());
 * database.assertComplete(OwnerVerification.all());
 * assertEquals(List.of("555"), database.values(OwnerTable.TABLE, OwnerTable.PHONE));
 * }</pre>
 *
 * <p>The baseline's tables are created with the column types the runtime's schema steps declare
 * ({@link Dialect#columnType}), {@code NOT NULL} on its key and required columns, and its key as the
 * primary key. Columns the code added since the baseline are left to the deploy's expand phase
 * ({@code migrator().apply(schemas, Phase.EXPAND)}), as on a real deploy.
 */
public final class BaselineDatabase {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Map<String, ColumnType<?>> TYPES = Map.ofEntries(
      Map.entry("STRING", ColumnType.STRING), Map.entry("JSON", ColumnType.STRING),
      Map.entry("BOOLEAN", ColumnType.BOOLEAN), Map.entry("INTEGER", ColumnType.INTEGER),
      Map.entry("LONG", ColumnType.LONG), Map.entry("DOUBLE", ColumnType.DOUBLE),
      Map.entry("DECIMAL", ColumnType.DECIMAL), Map.entry("UUID", ColumnType.UUID),
      Map.entry("INSTANT", ColumnType.INSTANT), Map.entry("LOCAL_DATE", ColumnType.LOCAL_DATE),
      Map.entry("LOCAL_DATE_TIME", ColumnType.LOCAL_DATE_TIME));

  private final DataSource dataSource;
  private final Map<String, BaselineSchema> baselines = new LinkedHashMap<>();
  private final Migrator migrator;

  private BaselineDatabase(DataSource dataSource, List<BaselineSchema> schemas) {
    this.dataSource = dataSource;
    schemas.forEach(schema -> baselines.put(schema.table(), schema));
    this.migrator = Migrator.create(dataSource);
  }

  /**
   * Creates the tables of some baseline snapshots in a database.
   *
   * @param dataSource an empty database, or one without these tables
   * @param snapshots the snapshot files of the tables
   * @return the database
   * @throws IllegalStateException if a table cannot be created, with the statement and the cause
   * @throws IllegalArgumentException if a file is no snapshot
   */
  public static BaselineDatabase create(DataSource dataSource, Path... snapshots) {
    List<BaselineSchema> schemas = new ArrayList<>();
    for (Path snapshot : snapshots) {
      schemas.add(BaselineSchema.read(snapshot));
    }
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      Dialect dialect = Dialect.of(connection);
      for (BaselineSchema schema : schemas) {
        for (String sql : createStatements(dialect, schema)) {
          try {
            statement.execute(sql);
          } catch (SQLException e) {
            throw new IllegalStateException("could not create the baseline table: " + sql, e);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not connect to create the baseline tables", e);
    }
    return new BaselineDatabase(dataSource, schemas);
  }

  /**
   * Creates the tables of some baseline snapshots in a new in-memory H2 database, which lives until
   * the JVM exits. H2 must be on the test class path (an optional dependency of this kit).
   *
   * @param snapshots the snapshot files of the tables
   * @return the database
   */
  public static BaselineDatabase inMemoryH2(Path... snapshots) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:godwit-baseline-" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    return create(h2, snapshots);
  }

  /** The statements that create one baseline table, and its schema when it has one. */
  static List<String> createStatements(Dialect dialect, BaselineSchema schema) {
    List<String> statements = new ArrayList<>();
    String table = dialect.quote(schema.table());
    if (schema.schema().isPresent()) {
      statements.add("CREATE SCHEMA IF NOT EXISTS " + dialect.quote(schema.schema().get()));
      table = dialect.quote(schema.schema().get()) + "." + table;
    }
    List<String> columns = new ArrayList<>();
    for (BaselineSchema.Column column : schema.columns()) {
      ColumnType<?> type = TYPES.get(column.kind());
      if (type == null) {
        throw new IllegalArgumentException("column " + column.name() + " of " + schema.table()
            + " has kind " + column.kind() + ", which no column type of this version holds");
      }
      columns.add(dialect.quote(column.name()) + " " + dialect.columnType(type,
          new ColumnSchema.Size(column.length(), column.precision(), column.scale()))
          + (column.required() ? " NOT NULL" : ""));
    }
    String key = schema.columns().stream()
        .filter(BaselineSchema.Column::key)
        .map(column -> dialect.quote(column.name()))
        .collect(Collectors.joining(", "));
    statements.add("CREATE TABLE " + table + " (" + String.join(", ", columns)
        + ", PRIMARY KEY (" + key + "))");
    return statements;
  }

  /**
   * The database.
   *
   * @return its data source
   */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * A migrator on the database, for schema steps and anything {@link #runAll} does not cover.
   *
   * @return the migrator, with the runtime's defaults
   */
  public Migrator migrator() {
    return migrator;
  }

  /**
   * Starts an old-format row of a table, as an instance of the last deploy would write it.
   *
   * @param table the generated {@code XTable.TABLE}
   * @param <T> the entity
   * @return a builder of one row
   * @throws IllegalArgumentException if no baseline given to this database has the table
   */
  public <T> RowBuilder<T> row(Table<T> table) {
    BaselineSchema schema = baseline(table);
    return new RowBuilder<>(this, table, schema);
  }

  /**
   * Runs migrations in order, as {@code godwit run --all} does, and asserts that each succeeded.
   *
   * @param migrations this deploy's migrations, such as {@code XMigrations.all()}
   * @return their results
   */
  public List<RunResult> runAll(List<? extends Migration<?>> migrations) {
    List<RunResult> results = new ArrayList<>();
    for (Migration<?> migration : migrations) {
      RunResult result = migrator.run(migration);
      assertEquals(MigrationState.SUCCEEDED, result.status().state(),
          () -> migration.name() + " did not succeed: " + result);
      results.add(result);
    }
    return results;
  }

  /**
   * Asserts that verifications find no row left.
   *
   * @param verifications such as {@code XVerification.all()}
   */
  public void assertComplete(List<? extends Verification<?>> verifications) {
    for (Verification<?> verification : verifications) {
      VerificationResult result = migrator.verify(verification);
      assertTrue(result.complete(), () -> verification.name() + " finds " + result.remaining()
          + " rows left, such as those with key " + result.sampleIds());
    }
  }

  /**
   * The values of one column in every row, in key order, read through the column's type.
   *
   * @param table the generated {@code XTable.TABLE}
   * @param column one of its columns
   * @param <T> the entity
   * @param <V> the column's values
   * @return the values, {@code null} where the column is {@code NULL}
   */
  public <T, V> List<V> values(Table<T> table, Column<T, V> column) {
    List<V> values = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      Dialect dialect = Dialect.of(connection);
      String order = table.key().stream()
          .map(key -> dialect.quote(key.name()))
          .collect(Collectors.joining(", "));
      try (ResultSet rows = statement.executeQuery("SELECT " + dialect.quote(column.name())
          + " FROM " + dialect.qualified(table) + " ORDER BY " + order)) {
        while (rows.next()) {
          values.add(column.type().read(rows, 1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read " + column.name() + " of " + table, e);
    }
    return values;
  }

  private BaselineSchema baseline(Table<?> table) {
    BaselineSchema schema = baselines.get(table.name());
    if (schema == null || !schema.schema().equals(table.schema())) {
      throw new IllegalArgumentException("no baseline of table " + table.qualifiedName()
          + " was given; pass its snapshot file to create or inMemoryH2");
    }
    return schema;
  }

  /**
   * One old-format row: each value set through a generated {@code Column} constant, checked against
   * the column's Java type by the compiler and against the baseline's columns when set.
   *
   * @param <T> the entity
   */
  public static final class RowBuilder<T> {
    private final BaselineDatabase database;
    private final Table<T> table;
    private final BaselineSchema schema;
    private final Map<Column<T, ?>, Object> values = new LinkedHashMap<>();

    private RowBuilder(BaselineDatabase database, Table<T> table, BaselineSchema schema) {
      this.database = database;
      this.table = table;
      this.schema = schema;
    }

    /**
     * Sets a column of the row.
     *
     * @param column a column of the baseline, through its generated constant
     * @param value its value, or {@code null}
     * @param <V> the column's values
     * @return this builder
     * @throws IllegalArgumentException if the baseline has no such column: an old instance could not
     *     have written it
     */
    public <V> RowBuilder<T> set(Column<T, V> column, V value) {
      Optional<BaselineSchema.Column> known = schema.columns().stream()
          .filter(candidate -> candidate.name().equals(column.name()))
          .findFirst();
      if (known.isEmpty()) {
        throw new IllegalArgumentException("column " + column.name() + " is not in the baseline of "
            + schema.table() + ", so no old-format row holds it; set only "
            + schema.columns().stream().map(BaselineSchema.Column::name)
                .collect(Collectors.joining(", ")));
      }
      values.put(column, value);
      return this;
    }

    /**
     * Inserts the row.
     *
     * @return the database, to seed the next row
     * @throws IllegalStateException if the database refuses the row, with its reason
     */
    public BaselineDatabase insert() {
      List<Column<T, ?>> columns = new ArrayList<>(values.keySet());
      try (Connection connection = database.dataSource.getConnection()) {
        Dialect dialect = Dialect.of(connection);
        String names = columns.stream().map(column -> dialect.quote(column.name()))
            .collect(Collectors.joining(", "));
        String marks = columns.stream().map(column -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO "
            + dialect.qualified(table) + " (" + names + ") VALUES (" + marks + ")")) {
          for (int i = 0; i < columns.size(); i++) {
            columns.get(i).type().bindUnchecked(insert, i + 1, values.get(columns.get(i)));
          }
          insert.executeUpdate();
        }
      } catch (SQLException e) {
        throw new IllegalStateException("could not insert " + values + " into " + table, e);
      }
      return database;
    }
  }
}
