package dev.godwit.runtime.spi;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnSchema;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.ErrorCode;
import dev.godwit.runtime.Identifiers;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.SchemaStep;
import dev.godwit.runtime.Table;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What differs between the databases the runtime supports: how identifiers are folded and quoted,
 * which errors are transient, and how a batch's writes become a constant number of statements. A
 * database is supported by a subclass and a {@link DialectProvider} that creates it, registered as a
 * {@link ServiceLoader} service; {@link #of} picks the first provider that accepts the database's
 * JDBC metadata. One instance serves one data source and is shared by threads, so it must be
 * thread-safe.
 */
public abstract class Dialect {

  private static final Pattern NAME_TOKEN = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /**
   * The SQL states every database means "try the transaction again" by: SQL:2011's serialization
   * failure (class 40, transaction rollback). A dialect adds its own in {@link #isTransientError}.
   */
  private static final Set<String> TRANSIENT_STATES = Set.of("40001");

  /** SQL:2011's unique constraint violation (class 23, integrity constraint violation). */
  private static final String UNIQUE_VIOLATION = "23505";

  /** How many quoted names and statements a dialect remembers: far more than a schema has. */
  private static final int REMEMBERED = 1024;

  private final boolean foldsToUpper;
  private final boolean foldsToLower;
  /** Every batch quotes the same names and expands the same templates: do each once. */
  private final Map<String, String> quoted = new ConcurrentHashMap<>();
  private final Map<String, String> expanded = new ConcurrentHashMap<>();

  /**
   * A dialect that folds identifiers as the connected database reports it stores unquoted ones
   * ({@link DatabaseMetaData#storesUpperCaseIdentifiers()}, {@link
   * DatabaseMetaData#storesLowerCaseIdentifiers()}).
   *
   * @param metaData the connected database's metadata
   * @throws SQLException if the metadata cannot be read
   */
  protected Dialect(DatabaseMetaData metaData) throws SQLException {
    this.foldsToUpper = metaData.storesUpperCaseIdentifiers();
    this.foldsToLower = !foldsToUpper && metaData.storesLowerCaseIdentifiers();
  }

  /**
   * The dialect of a connected database: created by the first registered {@link DialectProvider}
   * (in class path order) that {@linkplain DialectProvider#supports accepts} its metadata.
   * Providers are found with {@link ServiceLoader} through the class loader that loaded Godwit.
   *
   * @param connection a connection to the database
   * @return a new dialect for it
   * @throws MigrationException if no registered provider supports the database
   * @throws SQLException if the database's metadata cannot be read
   */
  public static Dialect of(Connection connection) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    List<String> supported = new ArrayList<>();
    for (DialectProvider provider : Providers.ALL) {
      if (provider.supports(metaData)) {
        return provider.create(metaData);
      }
      supported.add(provider.name());
    }
    throw new MigrationException(ErrorCode.UNSUPPORTED_DATABASE, ErrorCode.UNSUPPORTED_DATABASE
        .message(metaData.getDatabaseProductName(), String.join(" or ", supported),
            DialectProvider.class.getName()));
  }

  /** The registered providers, loaded once. */
  private static final class Providers {
    static final List<DialectProvider> ALL = ServiceLoader
        .load(DialectProvider.class, Dialect.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get).toList();
  }

  /**
   * The database's name, for messages.
   *
   * @return for example {@code "PostgreSQL"}
   */
  public abstract String name();

  /**
   * A checked identifier as the database stores an unquoted one, then quoted, so that reserved words
   * work and tables created without quotes are found.
   *
   * @param identifier a plain name ({@code team_id}) or an exact one ({@code "\"Team\""})
   * @return the identifier as SQL writes it, for example {@code "TEAM_ID"} on H2
   * @throws IllegalArgumentException if it is not a valid identifier
   */
  public final String quote(String identifier) {
    char quote = identifierQuote();
    return remembered(quoted, identifier, name -> quote + fold(name) + quote);
  }

  /**
   * The character a quoted identifier starts and ends with. By default SQL's double quote
   * (ISO/IEC 9075-2, 5.2, delimited identifier); a database that reads a double-quoted name as a
   * string unless configured otherwise overrides this.
   *
   * @return the quote character, for example {@code '"'}
   */
  protected char identifierQuote() {
    return '"';
  }

  /**
   * A checked identifier as the database stores it: an unquoted (plain) one folded to the database's
   * case, an exact one as declared, without its quotes.
   *
   * @param identifier a plain or exact name
   * @return the name as the catalog records it
   * @throws IllegalArgumentException if it is not a valid identifier
   */
  public final String fold(String identifier) {
    Identifiers.check("identifier", identifier);
    if (Identifiers.isExact(identifier)) {
      return Identifiers.text(identifier);
    }
    return foldsToUpper ? identifier.toUpperCase(Locale.ROOT)
        : foldsToLower ? identifier.toLowerCase(Locale.ROOT) : identifier;
  }

  /**
   * A table's name as SQL refers to it: quoted, and qualified by its schema when it has one.
   *
   * @param table the table
   * @return for example {@code "billing"."teams"}
   */
  public final String qualified(Table<?> table) {
    return table.schema().map(schema -> quote(schema) + ".").orElse("") + quote(table.name());
  }

  /**
   * SQL written with {@code {name}} for every identifier, each replaced by its quoted form.
   *
   * @param template SQL with identifiers written as {@code {name}}
   * @return the SQL with every such name quoted
   */
  public final String sql(String template) {
    return remembered(expanded, template, this::expand);
  }

  private String expand(String template) {
    Matcher matcher = NAME_TOKEN.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(quote(matcher.group(1))));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /**
   * A query that runs an {@code UPDATE} and returns one column of every row it changed, in the row's
   * new state.
   *
   * @param update an {@code UPDATE} statement
   * @param column the quoted column to return
   * @return a statement whose result set holds that column of every updated row
   */
  public abstract String returning(String update, String column);

  /**
   * Whether {@link #returning} can make an {@code UPDATE} return what it changed. A database without
   * such a clause says {@code false}; the caller then runs the {@code UPDATE}, counts the rows it
   * matched, and reads them again in the same transaction, where the update's row locks keep them
   * as it left them. {@code true} by default.
   *
   * @return {@code true} if {@link #returning} is available
   */
  public boolean returnsFromUpdate() {
    return true;
  }

  /**
   * Prepares a connection, already read committed and out of auto-commit, for a run's batches: a
   * database can bound how long a batch waits for a row lock here. Nothing by default.
   *
   * @param connection the connection, in its first transaction
   * @throws SQLException if the database refuses the setting
   */
  public void beginBatches(Connection connection) throws SQLException {}

  /**
   * Undoes {@link #beginBatches} before the connection is given back to its pool. Nothing by
   * default.
   *
   * @param connection the connection, with no transaction open
   * @throws SQLException if the database refuses the setting
   */
  public void endBatches(Connection connection) throws SQLException {}

  /**
   * The schema the database finds a table named without a schema in, as the catalog records it. By
   * default the connection's current schema ({@link Connection#getSchema()}); a database that
   * resolves names through a search path overrides this.
   *
   * @param connection a connection to the database
   * @param table a table whose {@link Table#schema()} is empty
   * @return the schema, or empty when the name resolves to no table
   * @throws SQLException if the catalog cannot be read
   */
  public Optional<String> unqualifiedSchema(Connection connection, Table<?> table)
      throws SQLException {
    return Optional.ofNullable(connection.getSchema());
  }

  /**
   * Whether the database calls what Godwit names a table's schema a JDBC catalog, keeping no schemas
   * within it: MySQL's and MariaDB's databases are reported by {@link DatabaseMetaData} as catalogs.
   * {@code false} by default.
   *
   * @return {@code true} to look tables up by catalog, with no schema
   */
  public boolean schemasAreCatalogs() {
    return false;
  }

  /**
   * Whether a column whose catalog type name is this keeps an instant whatever the session's time
   * zone, although its JDBC type code is {@code TIMESTAMP}. None by default: SQL's
   * {@code TIMESTAMP WITH TIME ZONE} is recognized by its own code and name.
   *
   * @param typeName the catalog's type name, in lower case
   * @return {@code true} for this database's instant types
   */
  public boolean isInstantType(String typeName) {
    return false;
  }

  /**
   * Whether a column whose catalog type name is this holds JSON documents, beyond the JDBC type
   * codes the schema check reads. None by default.
   *
   * @param typeName the catalog's type name, in lower case
   * @return {@code true} for this database's JSON types
   */
  public boolean isJsonType(String typeName) {
    return false;
  }

  /**
   * Whether a column whose catalog type name is this holds text although its JDBC type code says
   * otherwise. None by default.
   *
   * @param typeName the catalog's type name, in lower case
   * @return {@code true} for this database's own character types
   */
  public boolean isCharacterType(String typeName) {
    return false;
  }

  private static String remembered(Map<String, String> memory, String key,
      Function<String, String> compute) {
    String value = memory.get(key);
    if (value == null) {
      value = compute.apply(key);
      if (memory.size() < REMEMBERED) {
        memory.put(key, value);
      }
    }
    return value;
  }

  /**
   * Whether an error, or one it was caused by, is worth retrying the transaction for.
   *
   * @param error what a transaction failed with
   * @return {@code true} for a serialization failure, deadlock or lock timeout
   */
  public final boolean isTransient(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          // an immutable set refuses to be asked about null, and a driver may leave the state out
          String state = next.getSQLState();
          if ((state != null && TRANSIENT_STATES.contains(state)) || isTransientError(next)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether an error means the connection is gone, so nothing more can be recorded on it.
   *
   * @param error what a statement failed with
   * @return {@code true} for SQLState class {@code 08} or a closed database
   */
  public final boolean isConnectionFailure(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
              || isClosedDatabase(sql))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an error says an insert met a row with the same unique key: by default SQLState
   * {@code 23505}, as H2 and PostgreSQL report it; a database with its own code overrides this.
   *
   * @param error what a statement failed with
   * @return {@code true} for a duplicate key
   */
  public boolean isDuplicateKey(SQLException error) {
    return UNIQUE_VIOLATION.equals(error.getSQLState());
  }

  /**
   * An SQL expression for the database's current time plus a number of milliseconds, bound as the
   * expression's one parameter (a {@code BIGINT}): the end of a lease taken or renewed now. Leases
   * are timed by the database's clock alone, so runners whose own clocks disagree still agree on
   * when a lease ends. By default SQL:2011's interval arithmetic on {@code CURRENT_TIMESTAMP}
   * (ISO/IEC 9075-2, 6.30 and 6.33): {@code CURRENT_TIMESTAMP + CAST(? AS BIGINT) * INTERVAL
   * '0.001' SECOND}.
   *
   * <p>{@code CURRENT_TIMESTAMP} is the start of the current transaction in H2 and PostgreSQL, so
   * within a long transaction it lags the clock; callers that write an expiry inside one keep the
   * later of it and the stored expiry.
   *
   * @return an expression of the type {@link #instantType()} compares with, with one {@code ?}
   */
  public String currentTimestampPlusMillis() {
    return "CURRENT_TIMESTAMP + CAST(? AS BIGINT) * INTERVAL '0.001' SECOND";
  }

  /**
   * The column type the state table stores instants in (lease expiry, heartbeats): one that keeps
   * the instant whatever the session's time zone. By default SQL's {@code TIMESTAMP WITH TIME ZONE}.
   *
   * @return a type name for {@code CREATE TABLE}
   */
  public String instantType() {
    return "TIMESTAMP WITH TIME ZONE";
  }

  /**
   * The column type of the state table's text of up to {@code length} characters. By default
   * {@code VARCHAR(length)}.
   *
   * @param length the longest text, in characters
   * @return a type name for {@code CREATE TABLE}
   */
  public String textType(int length) {
    return "VARCHAR(" + length + ")";
  }

  /**
   * The column type of the state table's text of any length: a cursor and a failing row's id, which
   * are keys as text and as long as the keys are. By default {@link #unboundedTextType()}: {@code
   * VARCHAR} without a length, which on H2 holds 1,000,000 characters, H2's limit for any character
   * string a key column can hold (H2 documentation, data types, CHARACTER VARYING), and on
   * PostgreSQL has no limit but the value's size. A database whose {@code VARCHAR} needs a length
   * overrides this.
   *
   * @return a type name for {@code CREATE TABLE} and {@link #alterColumnType}
   */
  public String longTextType() {
    return unboundedTextType();
  }

  /**
   * The statement that changes a column's type in place, keeping its values: how a state table
   * created by an earlier version gets the types of the current one. By default SQL's {@code ALTER
   * TABLE t ALTER COLUMN c SET DATA TYPE type} (SQL:2016, part 2, 11.17), which H2 and PostgreSQL
   * accept.
   *
   * @param table the table, quoted and qualified
   * @param column the column, quoted
   * @param type the new type, for example {@link #longTextType()}
   * @return one statement
   */
  public String alterColumnType(String table, String column, String type) {
    return "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DATA TYPE " + type;
  }

  /**
   * How a query reads about {@code percent} percent of a table's rows rather than all of them, when
   * the keys a migration is split at are picked from a table too large to read whole: either a
   * clause written after the table's name (PostgreSQL's {@code TABLESAMPLE SYSTEM}, which reads
   * whole pages), or a condition starting with {@code AND} added to the query's own. By default
   * {@code AND RAND() < fraction}, which H2, MySQL and MariaDB evaluate per row: still a scan of the
   * keys, but the split keeps only the sampled ones. The sampled keys are ordered by the query's
   * {@code ORDER BY}, never in Java.
   *
   * @param percent between 0 (exclusive) and 100
   * @return the clause or condition
   */
  public String keySample(double percent) {
    return "AND RAND() < " + String.format(Locale.ROOT, "%.9f", percent / 100);
  }

  /**
   * How many rows the catalog's statistics say a table holds, without scanning it: what progress is
   * estimated from when an exact count would scan too many rows. Empty by default, for a database
   * whose catalog does not say; the run then counts exactly.
   *
   * @param connection a connection to the database
   * @param table the table
   * @return the estimate, or empty when the statistics do not know (never gathered)
   * @throws SQLException if the catalog cannot be read
   */
  public java.util.OptionalLong estimatedRows(Connection connection, Table<?> table)
      throws SQLException {
    return java.util.OptionalLong.empty();
  }

  /**
   * The database's built-in {@linkplain dev.godwit.runtime.HealthSignal health signals}, with the
   * thresholds of a run's options: what a run waits on unless {@link
   * dev.godwit.runtime.RunOptions#withoutDefaultHealthSignals()}. A threshold of zero leaves its
   * signal out. None by default, which is right for a database without replicas or background work
   * worth waiting for (H2).
   *
   * @param options the run's options
   * @return the signals, in the order they are asked
   */
  public List<dev.godwit.runtime.HealthSignal> healthSignals(dev.godwit.runtime.RunOptions options) {
    return List.of();
  }

  /**
   * The SQL type a schema step declares a column with, for {@code CREATE TABLE} and {@code ADD
   * COLUMN}: one the mapping check accepts as holding the column's Java type faithfully. A
   * {@linkplain ColumnType#converted converted} type is declared as its stored type. By default
   * SQL:2016's names: {@code VARCHAR(n)} (or the dialect's unbounded text), {@code BOOLEAN}, {@code
   * INTEGER}, {@code BIGINT}, {@code DOUBLE PRECISION}, {@code NUMERIC(p, s)} (or unconstrained),
   * {@code UUID}, {@code TIMESTAMP WITH TIME ZONE}, {@code DATE}, {@code TIMESTAMP}; an enum stored
   * by name is text, by ordinal an {@code INTEGER}; JSON is text.
   *
   * @param type the column's type
   * @param size its declared length, or precision and scale; zero where not declared
   * @return a type for DDL, for example {@code VARCHAR(200)}
   * @throws IllegalArgumentException for a type no column of this database can hold faithfully
   */
  public String columnType(ColumnType<?> type, ColumnSchema.Size size) {
    ColumnType<?> stored = type.storedType();
    if (stored == ColumnType.STRING || stored.javaType().isEnum()
        || (stored.jdbcType() == Types.VARCHAR && stored != ColumnType.STRING)) {
      return size.length() > 0 ? "VARCHAR(" + size.length() + ")" : unboundedTextType();
    }
    if (stored == ColumnType.INTEGER) {
      return "INTEGER";
    }
    if (stored == ColumnType.LONG) {
      return "BIGINT";
    }
    if (stored == ColumnType.BOOLEAN) {
      return "BOOLEAN";
    }
    if (stored == ColumnType.DOUBLE) {
      return "DOUBLE PRECISION";
    }
    if (stored == ColumnType.DECIMAL) {
      return size.precision() > 0 ? "NUMERIC(" + size.precision() + ", " + size.scale() + ")"
          : unconstrainedDecimalType();
    }
    if (stored == ColumnType.UUID) {
      return "UUID";
    }
    if (stored == ColumnType.INSTANT) {
      return "TIMESTAMP WITH TIME ZONE";
    }
    if (stored == ColumnType.LOCAL_DATE) {
      return "DATE";
    }
    if (stored == ColumnType.LOCAL_DATE_TIME) {
      return "TIMESTAMP";
    }
    throw new IllegalArgumentException("no " + name() + " column type holds " + type
        + " faithfully");
  }

  /**
   * The type of a text column of no declared length. By default {@code VARCHAR}, which H2 and
   * PostgreSQL accept without a length (up to H2's limit of 1,000,000 characters; no limit but the
   * value's size on PostgreSQL).
   *
   * @return a type name for DDL
   */
  protected String unboundedTextType() {
    return "VARCHAR";
  }

  /**
   * The type of a decimal column of no declared precision: one that keeps every digit of the
   * values written. By default {@code NUMERIC}, which PostgreSQL leaves unconstrained (PostgreSQL
   * documentation, section 8.1.2).
   *
   * @return a type name for DDL
   */
  protected String unconstrainedDecimalType() {
    return "NUMERIC";
  }

  /**
   * The statement that adds a nullable column without a default to an existing table. By default
   * SQL's {@code ALTER TABLE t ADD COLUMN c type} (SQL:2016, part 2, 11.11), a change to the catalog
   * alone on PostgreSQL 11 and later (documentation of {@code ALTER TABLE}, "Notes") and on H2.
   *
   * @param table the table, quoted and qualified ({@link #qualified})
   * @param column the column, quoted
   * @param type its type, from {@link #columnType}
   * @return one statement
   */
  public String addColumn(String table, String column, String type) {
    return "ALTER TABLE " + table + " ADD COLUMN " + column + " " + type;
  }

  /**
   * The statement that drops a column. By default SQL's {@code ALTER TABLE t DROP COLUMN c}
   * (SQL:2016, part 2, 11.23).
   *
   * @param table the table, quoted and qualified ({@link #qualified})
   * @param column the column, quoted
   * @return one statement
   */
  public String dropColumn(String table, String column) {
    return "ALTER TABLE " + table + " DROP COLUMN " + column;
  }

  /**
   * The statement that lets a {@code NOT NULL} column hold {@code NULL}, changing nothing else of
   * it. By default SQL's {@code ALTER TABLE t ALTER COLUMN c DROP NOT NULL} (SQL:2016, part 2,
   * 11.20), which H2 and PostgreSQL accept; a database that can only restate the column's whole
   * definition reads it from the catalog through {@code connection}.
   *
   * @param connection a connection to the database, to read the column's definition
   * @param table the table, quoted and qualified ({@link #qualified})
   * @param column the column, quoted
   * @return one statement
   * @throws SQLException if the catalog cannot be read
   * @throws IllegalArgumentException if the column's definition cannot be restated faithfully
   */
  public String dropNotNull(Connection connection, String table, String column)
      throws SQLException {
    return "ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP NOT NULL";
  }

  /**
   * What a schema step of this kind costs on this database beyond a change to the catalog, as a
   * sentence the plan appends to the step's description; empty when it costs no more than its
   * lock. By default empty.
   *
   * @param kind the step's kind
   * @return one sentence, or empty
   */
  public java.util.Optional<String> stepCost(SchemaStep.Kind kind) {
    return java.util.Optional.empty();
  }

  /**
   * The statements that make {@code SET NOT NULL} of a nullable column, in order, each run in a
   * transaction of its own. By default one: {@code ALTER TABLE t ALTER COLUMN c SET NOT NULL}, which
   * scans the table under its lock; a database that can validate a constraint without blocking
   * writes overrides this, and one that can only restate the column's whole definition reads it
   * through {@code connection}.
   *
   * @param connection a connection to the database, to read the column's definition
   * @param table the table, quoted and qualified ({@link #qualified})
   * @param column the column, quoted
   * @param addedType the type the plan's expand step adds the column with ({@link #columnType})
   *     when the catalog lacks it yet, or {@code null} when the catalog has it
   * @param constraint a quoted name for a temporary check constraint, free to use
   * @param constraintState the state of that constraint in the catalog now: so that a step that
   *     stopped halfway continues where it stopped
   * @return the statements still to run; empty when none is
   * @throws SQLException if the catalog cannot be read
   * @throws IllegalArgumentException if the column's definition cannot be restated faithfully
   */
  public List<String> setNotNull(Connection connection, String table, String column,
      String addedType, String constraint, ConstraintState constraintState) throws SQLException {
    return List.of("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL");
  }

  /**
   * Where a temporary {@code NOT NULL} check constraint of a narrow step stands, as the catalog
   * shows it: see {@link #constraintState}.
   */
  public enum ConstraintState {
    /** No such constraint. */
    ABSENT,
    /** Added {@code NOT VALID}: not yet checked against the rows already there. */
    NOT_VALIDATED,
    /** Validated: every row holds it. */
    VALIDATED
  }

  /**
   * Whether a check constraint of that name exists on the table, and whether it is validated. By
   * default {@link ConstraintState#ABSENT}: a dialect whose {@link #setNotNull} uses none need not
   * look.
   *
   * @param connection a connection to the database
   * @param table the table, quoted and qualified
   * @param constraint the constraint's name as the catalog stores it
   * @return its state
   * @throws SQLException if the catalog cannot be read
   */
  public ConstraintState constraintState(Connection connection, String table, String constraint)
      throws SQLException {
    return ConstraintState.ABSENT;
  }

  /**
   * The statements that start a schema step's transaction so that each of its statements waits at
   * most {@code timeout} for a lock, then fails with an error {@link #isLockTimeout} recognises.
   *
   * <p>By default none is known, and applying a schema step is refused: a DDL statement left to
   * wait for its lock would queue every later writer of the table behind it.
   *
   * @param timeout the longest wait, in whole milliseconds
   * @return the statements, run in the step's transaction before its DDL
   * @throws MigrationException by default, naming the database
   */
  public List<String> lockTimeout(java.time.Duration timeout) {
    throw new MigrationException(ErrorCode.OTHER, ErrorCode.OTHER.message("The " + name()
        + " dialect cannot bound how long a schema statement waits for a lock, so Godwit does not"
        + " apply schema steps on it; apply the plan's SQL with a tool of your own, or give the"
        + " dialect lockTimeout and isLockTimeout."));
  }

  /**
   * Runs one statement of a schema step on the step's connection, inside the step's transaction and
   * after its {@link #lockTimeout} statements. By default it executes the statement as it is; a
   * database that needs more around some kind of step (see the H2 dialect's table copy) overrides it.
   *
   * @param statement a statement of the step's connection
   * @param kind the kind of the step the SQL belongs to
   * @param sql one of the step's statements
   * @throws SQLException as the database reports it; a lock timeout must stay recognisable by
   *     {@link #isLockTimeout}, since the step is retried on it
   */
  public void executeSchemaStatement(Statement statement, SchemaStep.Kind kind, String sql)
      throws SQLException {
    statement.execute(sql);
  }

  /**
   * A statement that does nothing when a query counting violations returns zero, and otherwise fails
   * with {@code message} in its error: how an exported migration file (Flyway's, Liquibase's) carries
   * a schema step's guard, so that the tool stops before the step while the data is not ready.
   *
   * <p>By default none is known, and exporting a plan with guards is refused.
   *
   * @param violationsSql a query returning one row with one integer column, literal SQL
   * @param message what the error says, one sentence; quoted here
   * @return one statement, without a final semicolon
   * @throws MigrationException by default, naming the database
   */
  public String failUnlessZero(String violationsSql, String message) {
    throw new MigrationException(ErrorCode.OTHER, ErrorCode.OTHER.message("The " + name()
        + " dialect cannot write a statement that fails when a guard does not hold, so Godwit"
        + " cannot export a plan with guards for it; apply the plan with Migrator.apply, or give"
        + " the dialect failUnlessZero."));
  }

  /**
   * A text literal a schema step's guard compares with, read back as exactly {@code text}. By
   * default {@link #stringLiteral}.
   *
   * @param text any text
   * @return the literal
   */
  public String textLiteral(String text) {
    return stringLiteral(text);
  }

  /**
   * An instant literal a schema step's guard compares an instant column with. By default SQL's
   * {@code TIMESTAMP WITH TIME ZONE '... +00:00'} (SQL:2016, part 2, 5.3).
   *
   * @param instant the instant, of whole microseconds
   * @param utc the same instant in UTC as {@code yyyy-MM-dd HH:mm:ss.SSSSSS}
   * @return the literal
   * @throws IllegalArgumentException if the database has no literal of that instant
   */
  public String instantLiteral(java.time.Instant instant, String utc) {
    return "TIMESTAMP WITH TIME ZONE '" + utc + "+00:00'";
  }

  /**
   * A string literal: the text between single quotes, each quote doubled (SQL:2016, part 2, 5.3).
   *
   * @param text any text
   * @return the literal
   */
  protected static String stringLiteral(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /**
   * The statements that will restore the connection's lock timeout as it is now, for a database
   * where {@link #lockTimeout} lasts the session rather than the transaction: read before the step
   * sets its own, run after its transaction ends, so that a pooled connection goes back as it came.
   * None by default.
   *
   * @param connection the step's connection, before {@link #lockTimeout} runs on it
   * @return the statements, run after the transaction
   * @throws SQLException if the setting cannot be read
   */
  public List<String> restoreLockTimeout(Connection connection) throws SQLException {
    return List.of();
  }

  /**
   * Whether an error, or one of its chain, says a statement gave up waiting for a lock.
   *
   * @param error what a statement failed with
   * @return {@code true} for this database's lock timeout; by default never
   */
  public boolean isLockTimeout(SQLException error) {
    return false;
  }

  /**
   * What the sessions blocking a statement's lock on a table are doing, for the message of a step
   * that never got its lock: process id, state, and how long its transaction has been open. Empty
   * by default, for a database whose catalog does not say.
   *
   * @param connection a connection to the database, other than the blocked one
   * @param table the table, quoted and qualified
   * @return one line per session holding a lock on the table, possibly none
   * @throws SQLException if the catalog cannot be read
   */
  public List<String> lockHolders(Connection connection, String table) throws SQLException {
    return List.of();
  }

  /**
   * What follows a keyset {@code SELECT ... ORDER BY} to read at most a bound number of rows, with
   * one parameter for that number. By default {@code LIMIT ?}, which H2 and PostgreSQL accept.
   *
   * @return the clause, with a leading space
   */
  public String limitClause() {
    return " LIMIT ?";
  }

  /**
   * What follows a {@code SELECT ... ORDER BY} to skip a number of rows and read at most a bound
   * number after them, with two parameters: the rows to read, then the rows to skip. Splitting a
   * migration's key space for its workers reads each boundary this way, so that the keys between
   * boundaries stay in the database. By default {@code LIMIT ? OFFSET ?}, which H2, PostgreSQL,
   * MySQL and MariaDB accept.
   *
   * @return the clause, with a leading space
   */
  public String limitOffsetClause() {
    return " LIMIT ? OFFSET ?";
  }

  /**
   * What follows a {@code SELECT} (after its limit) to lock the rows it reads until the transaction
   * ends, so that a batch's rows cannot change between its read and its write. By default
   * {@code FOR UPDATE}.
   *
   * @return the clause, with a leading space
   */
  public String lockClause() {
    return " FOR UPDATE";
  }

  /**
   * A transient error this database reports with its own codes.
   *
   * @param error one error of a chain
   * @return {@code true} if retrying the transaction may succeed
   */
  protected abstract boolean isTransientError(SQLException error);

  /**
   * An error saying the database itself was closed or shut down.
   *
   * @param error one error of a chain
   * @return {@code true} if the database is gone
   */
  protected abstract boolean isClosedDatabase(SQLException error);

  /**
   * Inserts rows that all set the same columns.
   *
   * @param connection the batch's connection, in its transaction
   * @param table the table
   * @param columns the columns set
   * @param rows one array per row, values in the order of {@code columns}
   * @throws SQLException if the database refuses the rows
   */
  public abstract void insert(Connection connection, Table<?> table, List<Column<?, ?>> columns,
      List<Object[]> rows) throws SQLException;

  /**
   * Updates rows found by key, all setting the same columns, and increments the table's version
   * column, if it has one, on each row found.
   *
   * @param connection the batch's connection, in its transaction
   * @param table the table
   * @param columns the columns set
   * @param ids one key per row: the value of a single key, a {@code List<Object>} of a composite one
   * @param rows one array per key, values in the order of {@code columns}
   * @throws SQLException if the database refuses the change
   */
  public abstract void update(Connection connection, Table<?> table, List<Column<?, ?>> columns,
      List<Object> ids, List<Object[]> rows) throws SQLException;

  /**
   * Deletes rows found by key.
   *
   * @param connection the batch's connection, in its transaction
   * @param table the table
   * @param ids one key per row: the value of a single key, a {@code List<Object>} of a composite one
   * @throws SQLException if the database refuses the change
   */
  public abstract void delete(Connection connection, Table<?> table, List<Object> ids)
      throws SQLException;

  /**
   * The values of one key column (by its position in the key) of several keys: for a single key,
   * the keys themselves.
   *
   * @param table the table
   * @param keys keys as {@link #update} and {@link #delete} take them
   * @param position the key column's position in {@link Table#key()}
   * @return one value per key, in order
   */
  protected static List<Object> keyColumn(Table<?> table, List<Object> keys, int position) {
    if (!table.hasCompositeKey()) {
      return keys;
    }
    List<Object> values = new ArrayList<>(keys.size());
    for (Object key : keys) {
      values.add(((List<?>) key).get(position));
    }
    return values;
  }
}
