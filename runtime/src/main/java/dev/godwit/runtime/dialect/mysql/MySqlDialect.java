package dev.godwit.runtime.dialect.mysql;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnSchema;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.Identifiers;
import dev.godwit.runtime.SchemaStep;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * MySQL 8 and MariaDB 10.6 and later, through MariaDB Connector/J or MySQL Connector/J.
 *
 * <p>Writes: an update is one {@code UPDATE ... JOIN} over a temporary table of the batch's keys and
 * values, made from the target's own columns, so it changes only rows that still exist and never
 * inserts one (no {@code REPLACE}, no {@code ON DUPLICATE KEY UPDATE}), and a text key is matched
 * in its column's own collation, as the table's unique index matches it; a delete is one
 * {@code DELETE ... WHERE key IN (...)}, whose parameters take the key column's collation; an
 * insert one multi-row {@code VALUES}. A statement binds at most {@value #MAX_PARAMETERS} values
 * (the protocol's limit on a prepared statement's parameters), so a batch wider than that is split
 * into that many rows a statement: a constant number of statements for a given batch size.
 *
 * <p>Reads: the engine reads a batch at read committed with {@code FOR UPDATE}, which under InnoDB
 * locks the rows read and takes no gap locks (MySQL reference manual, 17.7.2.1, "READ
 * COMMITTED"). {@code SKIP LOCKED} and {@code UPDATE ... RETURNING} are never used: MariaDB before
 * 10.6 lacks the first, and MariaDB has only {@code DELETE/INSERT ... RETURNING}.
 *
 * <p>Names are quoted with backticks, which MySQL and MariaDB accept whether or not
 * {@code ANSI_QUOTES} is set. Plain names are not folded: on Linux (with the default
 * {@code lower_case_table_names = 0}) a table's name is case-sensitive as written, while column
 * names are never case-sensitive, so an entity's table name must be written as the table was
 * created.
 *
 * <p>Schema steps: {@code ADD COLUMN} and {@code DROP COLUMN} change the catalog alone where the
 * server can ({@code ALGORITHM=INSTANT}), and otherwise rebuild the table in place while it stays
 * writable; {@code DROP NOT NULL} and {@code SET NOT NULL} restate the column's whole definition,
 * as {@code SHOW CREATE TABLE} shows it, in a {@code MODIFY COLUMN} that rebuilds the table in place
 * while it stays writable ({@code ALGORITHM=INPLACE, LOCK=NONE}). Each DDL statement waits for its
 * metadata lock at most the step's lock timeout ({@code lock_wait_timeout}, whole seconds).
 */
public final class MySqlDialect extends Dialect {

  /** MySQL's error numbers (MySQL server error reference). */
  private static final int LOCK_WAIT_TIMEOUT = 1205;
  private static final int DEADLOCK = 1213;
  private static final int DUPLICATE_ENTRY = 1062;
  private static final int SERVER_SHUTDOWN = 1053;
  private static final int CONNECTION_KILLED = 1927;

  /**
   * How long, in seconds, a batch waits for a row lock the application holds before InnoDB gives
   * up with error 1205, which the engine retries: a batch must not stall an application behind it
   * for the server's default of 50 seconds.
   */
  static final int BATCH_LOCK_WAIT_SECONDS = 5;

  /** The most parameters one prepared statement may bind (a 16-bit count in the protocol). */
  static final int MAX_PARAMETERS = 65_535;

  private static final String TARGET = "godwit_target";
  private static final String VALUES = "godwit_values";

  /** The default length of a text column of no declared length: JPA's default (JPA 3.1, 11.1.9). */
  static final int DEFAULT_TEXT_LENGTH = 255;

  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

  private final boolean mariaDb;
  /** The server's version as major * 10,000 + minor * 100 + patch, for example 80012. */
  private final int version;

  MySqlDialect(DatabaseMetaData metaData) throws SQLException {
    super(metaData);
    String product = metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
    this.mariaDb = product.toLowerCase(Locale.ROOT).contains("mariadb");
    Matcher number = VERSION.matcher(metaData.getDatabaseProductVersion());
    this.version = number.find() ? Integer.parseInt(number.group(1)) * 10_000
        + Integer.parseInt(number.group(2)) * 100 + Integer.parseInt(number.group(3)) : 0;
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code VARCHAR(length)} up to 16,383 characters, the most a {@code VARCHAR} of four-byte
   * {@code utf8mb4} characters holds in its 65,535 bytes (MySQL reference manual, 13.3.2, "The CHAR
   * and VARCHAR Types"); {@code MEDIUMTEXT}, of up to 16 MiB, beyond.
   */
  @Override
  public String textType(int length) {
    return length <= 16_383 ? "VARCHAR(" + length + ")" : "MEDIUMTEXT";
  }

  private boolean atLeast(int mariaDbVersion, int mySqlVersion) {
    return version >= (mariaDb ? mariaDbVersion : mySqlVersion);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Text is {@code VARCHAR(n)}, {@code VARCHAR(}{@value #DEFAULT_TEXT_LENGTH}{@code )} when no
   * length is declared (MySQL's {@code VARCHAR} needs one); JSON is {@code JSON}, which MariaDB
   * keeps as {@code LONGTEXT} checked by {@code JSON_VALID}; a {@code Boolean} {@code TINYINT(1)},
   * which the drivers report as {@code BIT} and read as a boolean; a {@code BigDecimal} of no
   * declared precision {@code DECIMAL(65, 30)}, MySQL's widest (a bare {@code DECIMAL} would be
   * {@code DECIMAL(10, 0)} and round every fraction away); an {@code Instant} {@code TIMESTAMP(6)}
   * (stored in UTC) and a {@code LocalDateTime} {@code DATETIME(6)}, both to the microsecond; a
   * {@code UUID} MariaDB's {@code UUID} (10.7 and later), refused on MySQL, which has no UUID type
   * the check accepts.
   */
  @Override
  public String columnType(ColumnType<?> type, ColumnSchema.Size size) {
    ColumnType<?> stored = type.storedType();
    boolean json = stored.jdbcType() == Types.VARCHAR && stored != ColumnType.STRING
        && !stored.javaType().isEnum();
    if (json) {
      return "JSON";
    }
    if (stored == ColumnType.STRING || stored.javaType().isEnum()) {
      return "VARCHAR(" + (size.length() > 0 ? size.length() : DEFAULT_TEXT_LENGTH) + ")";
    }
    if (stored == ColumnType.INTEGER) {
      return "INT";
    }
    if (stored == ColumnType.BOOLEAN) {
      return "TINYINT(1)";
    }
    if (stored == ColumnType.DOUBLE) {
      return "DOUBLE";
    }
    if (stored == ColumnType.DECIMAL) {
      return size.precision() > 0 ? "DECIMAL(" + size.precision() + ", " + size.scale() + ")"
          : "DECIMAL(65, 30)";
    }
    if (stored == ColumnType.UUID && !(mariaDb && version >= 100_700)) {
      throw new IllegalArgumentException("no " + name() + " column type holds " + type
          + " faithfully before MariaDB 10.7, which has UUID");
    }
    if (stored == ColumnType.INSTANT) {
      return instantType();
    }
    if (stored == ColumnType.LOCAL_DATE_TIME) {
      return "DATETIME(6)";
    }
    return super.columnType(type, size);
  }

  /**
   * {@inheritDoc}
   *
   * <p>With {@code ALGORITHM=INSTANT}, a change to the catalog alone, where the server has it for a
   * column added last (MariaDB 10.3 and later, MySQL 8.0.12 and later: MariaDB knowledge base,
   * "Instant ADD COLUMN for InnoDB"; MySQL reference manual, 17.12.1, "Online DDL Operations");
   * otherwise {@code ALGORITHM=INPLACE, LOCK=NONE}, a rebuild in place that lets the table be read
   * and written meanwhile. A server that cannot do either for this table refuses the statement
   * rather than copying the table under a lock.
   */
  @Override
  public String addColumn(String table, String column, String type) {
    return "ALTER TABLE " + table + " ADD COLUMN " + column + " " + type + ", "
        + (atLeast(100_300, 80_012) ? "ALGORITHM=INSTANT" : "ALGORITHM=INPLACE, LOCK=NONE");
  }

  /**
   * {@inheritDoc}
   *
   * <p>With {@code ALGORITHM=INSTANT} where the server has it for dropping a column (MariaDB 10.4
   * and later, MySQL 8.0.29 and later), otherwise {@code ALGORITHM=INPLACE, LOCK=NONE}: a rebuild in
   * place that lets the table be read and written meanwhile (same documentation as
   * {@link #addColumn}).
   */
  @Override
  public String dropColumn(String table, String column) {
    return "ALTER TABLE " + table + " DROP COLUMN " + column + ", "
        + (atLeast(100_400, 80_029) ? "ALGORITHM=INSTANT" : "ALGORITHM=INPLACE, LOCK=NONE");
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code MODIFY COLUMN} with the column's definition as {@code SHOW CREATE TABLE} shows it,
   * {@code NOT NULL} made {@code NULL}: its type, character set, collation, default and comment
   * stay. {@code ALGORITHM=INPLACE, LOCK=NONE}: the table is rebuilt in place while it stays
   * readable and writable (MySQL reference manual, 17.12.1, "Making a column NULL"; MariaDB
   * knowledge base, "InnoDB Online DDL Operations with the INPLACE Alter Algorithm").
   *
   * @throws IllegalArgumentException for a generated column, or a definition without {@code NOT
   *     NULL}
   */
  @Override
  public String dropNotNull(Connection connection, String table, String column)
      throws SQLException {
    String definition = definition(connection, table, column);
    String masked = masked(definition);
    Matcher notNull = Pattern.compile("\\bNOT NULL\\b").matcher(masked);
    if (!notNull.find()) {
      throw new IllegalArgumentException("the definition of " + column + " in " + table
          + " as SHOW CREATE TABLE shows it has no NOT NULL to drop: " + definition);
    }
    return modify(table, column, definition.substring(0, notNull.start()) + "NULL"
        + definition.substring(notNull.end()));
  }

  /**
   * {@inheritDoc}
   *
   * <p>One {@code MODIFY COLUMN} with the column's definition as {@code SHOW CREATE TABLE} shows it
   * (or as the plan adds it), its {@code DEFAULT NULL} dropped and {@code NOT NULL} added: its type,
   * character set, collation, other default and comment stay. {@code ALGORITHM=INPLACE, LOCK=NONE}:
   * the table is rebuilt in place while it stays readable and writable, under strict SQL mode, the
   * default, and fails, changing nothing, if a row holds NULL (MySQL reference manual, 17.12.1,
   * "Making a column NOT NULL"; MariaDB knowledge base, "InnoDB Online DDL Operations with the
   * INPLACE Alter Algorithm"). No check constraint is used: neither database can add one without
   * checking every row under the same rebuild.
   *
   * @throws IllegalArgumentException for a generated column
   */
  @Override
  public List<String> setNotNull(Connection connection, String table, String column,
      String addedType, String constraint, ConstraintState constraintState) throws SQLException {
    String definition = addedType != null ? addedType : definition(connection, table, column);
    String masked = masked(definition);
    Matcher defaultNull = Pattern.compile(" ?\\bDEFAULT NULL\\b").matcher(masked);
    if (defaultNull.find()) {
      definition = definition.substring(0, defaultNull.start())
          + definition.substring(defaultNull.end());
      masked = masked.substring(0, defaultNull.start()) + masked.substring(defaultNull.end());
    }
    Matcher nullable = Pattern.compile("(?<!NOT )\\bNULL\\b").matcher(masked);
    String notNull = nullable.find()
        ? definition.substring(0, nullable.start()) + "NOT NULL"
            + definition.substring(nullable.end())
        : definition + " NOT NULL";
    return List.of(modify(table, column, notNull));
  }

  /**
   * {@inheritDoc}
   *
   * <p>On MySQL and MariaDB, {@code DROP NOT NULL} and {@code SET NOT NULL} rebuild the table, and
   * {@code ADD COLUMN} and {@code DROP COLUMN} do where {@code ALGORITHM=INSTANT} is not had.
   */
  @Override
  public Optional<String> stepCost(SchemaStep.Kind kind) {
    return switch (kind) {
      case DROP_NOT_NULL, SET_NOT_NULL -> Optional.of("On " + name() + " this rebuilds the table"
          + " in place (ALGORITHM=INPLACE, LOCK=NONE): reads and writes go on meanwhile, but it"
          + " takes time and disk in proportion to the table, and no NOT VALID exists to avoid"
          + " it.");
      case ADD_COLUMN -> atLeast(100_300, 80_012) ? Optional.empty() : Optional.of("On this"
          + " server this rebuilds the table in place (ALGORITHM=INPLACE, LOCK=NONE).");
      case DROP_COLUMN -> atLeast(100_400, 80_029) ? Optional.empty() : Optional.of("On this"
          + " server this rebuilds the table in place (ALGORITHM=INPLACE, LOCK=NONE).");
      default -> Optional.empty();
    };
  }

  /**
   * {@inheritDoc}
   *
   * <p>A hexadecimal literal of the text's UTF-8 bytes with the {@code _utf8mb4} introducer, which
   * reads the same whatever the SQL mode (a quoted literal's backslashes are escapes unless
   * {@code NO_BACKSLASH_ESCAPES} is set) and, being coercible, compares in the column's collation
   * (MySQL reference manual, 11.1.3.8, "Character Set Introducers").
   */
  @Override
  public String textLiteral(String text) {
    return "_utf8mb4 X'" + java.util.HexFormat.of().withUpperCase()
        .formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "'";
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code FROM_UNIXTIME} of the instant's seconds since 1970 to the microsecond, the way the
   * server itself turns seconds into a {@code TIMESTAMP} value; refused before 1970, which no
   * {@code TIMESTAMP} holds (MySQL reference manual, 13.2.2).
   */
  @Override
  public String instantLiteral(java.time.Instant instant, String utc) {
    if (instant.getEpochSecond() < 0) {
      throw new IllegalArgumentException("the value " + instant + " is before 1970, which no "
          + name() + " TIMESTAMP holds");
    }
    return "FROM_UNIXTIME(" + instant.getEpochSecond() + "."
        + String.format(Locale.ROOT, "%06d", instant.getNano() / 1000) + ")";
  }

  private static String modify(String table, String column, String definition) {
    return "ALTER TABLE " + table + " MODIFY COLUMN " + column + " " + definition
        + ", ALGORITHM=INPLACE, LOCK=NONE";
  }

  /**
   * A column's definition as {@code SHOW CREATE TABLE} prints it, without its name: what a
   * {@code MODIFY COLUMN} restating it takes.
   */
  private String definition(Connection connection, String table, String column)
      throws SQLException {
    String create;
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW CREATE TABLE " + table)) {
      rows.next();
      create = rows.getString(2);
    }
    String prefix = column.toLowerCase(Locale.ROOT) + " ";
    for (String line : create.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        String definition = trimmed.substring(prefix.length());
        if (definition.endsWith(",")) {
          definition = definition.substring(0, definition.length() - 1);
        }
        if (Pattern.compile("\\bGENERATED ALWAYS\\b|\\bAS \\(").matcher(masked(definition))
            .find()) {
          throw new IllegalArgumentException(column + " of " + table + " is a generated column,"
              + " whose nullability Godwit does not restate");
        }
        return definition;
      }
    }
    throw new IllegalArgumentException("SHOW CREATE TABLE " + table + " shows no column "
        + column);
  }

  /**
   * The definition with every quoted text and parenthesised part blanked out, the same length: so
   * that the keywords found in it are the definition's own, not a default's, comment's or check's.
   */
  private static String masked(String definition) {
    StringBuilder masked = new StringBuilder(definition.length());
    char quote = 0;
    int depth = 0;
    for (int i = 0; i < definition.length(); i++) {
      char c = definition.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote != '`' && i + 1 < definition.length()) {
          masked.append("  ");
          i++;
          continue;
        }
        if (c == quote) {
          quote = 0;
        }
        masked.append(' ');
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        masked.append(' ');
      } else if (c == '(') {
        depth++;
        masked.append(' ');
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
        masked.append(' ');
      } else {
        masked.append(depth > 0 ? ' ' : c);
      }
    }
    return masked.toString();
  }

  /**
   * {@inheritDoc}
   *
   * <p>From {@code performance_schema.metadata_locks} where it is enabled (MySQL 8's default; MySQL
   * reference manual, 29.12.13.3): the sessions granted a metadata lock on the table. Where it is
   * not (MariaDB's default), from {@code information_schema.innodb_trx} and {@code processlist}:
   * the other sessions with a transaction open, any of which may hold the lock, each with its
   * process id, command and how long its transaction has been open.
   */
  @Override
  public List<String> lockHolders(Connection connection, String table) throws SQLException {
    List<String> holders = new ArrayList<>();
    String[] parts = table.split("`\\.`");
    String name = unquote(parts[parts.length - 1]);
    String schema = parts.length > 1 ? unquote(parts[0]) : null;
    try (PreparedStatement statement = connection.prepareStatement("SELECT t.processlist_id,"
        + " t.processlist_command, t.processlist_time FROM performance_schema.metadata_locks m"
        + " JOIN performance_schema.threads t ON t.thread_id = m.owner_thread_id"
        + " WHERE m.object_type = 'TABLE' AND m.object_name = ?"
        + " AND m.object_schema = COALESCE(?, DATABASE()) AND m.lock_status = 'GRANTED'"
        + " AND t.processlist_id <> CONNECTION_ID() ORDER BY t.processlist_id")) {
      statement.setString(1, name);
      statement.setString(2, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          holders.add("session " + rows.getLong(1) + " (" + rows.getString(2) + ", for "
              + rows.getLong(3) + " s)");
        }
      }
    } catch (SQLException e) {
      // performance_schema off or not readable: fall back to the open transactions
    }
    if (!holders.isEmpty()) {
      return holders;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT p.id, p.command,"
            + " TIMESTAMPDIFF(SECOND, x.trx_started, NOW()) FROM information_schema.innodb_trx x"
            + " JOIN information_schema.processlist p ON p.id = x.trx_mysql_thread_id"
            + " WHERE p.id <> CONNECTION_ID() ORDER BY p.id")) {
      while (rows.next()) {
        holders.add("session " + rows.getLong(1) + " (" + rows.getString(2) + ", its transaction"
            + " open for " + rows.getLong(3) + " s, which may hold it)");
      }
    }
    return holders;
  }

  /** A name as quoted by {@link #quote}, with its outer backticks and doubled ones undone. */
  private static String unquote(String part) {
    String bare = part.startsWith("`") ? part.substring(1) : part;
    bare = bare.endsWith("`") && !bare.endsWith("``") ? bare.substring(0, bare.length() - 1) : bare;
    return bare.replace("``", "`");
  }

  @Override
  public String name() {
    return "MySQL/MariaDB";
  }

  @Override
  protected char identifierQuote() {
    return '`';
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code LONGTEXT}: MySQL's and MariaDB's {@code VARCHAR} needs a length, and a row holds at most
   * 65,535 bytes of them, while a {@code LONGTEXT} holds up to 4 GiB stored off the row (MySQL
   * documentation, "String Type Storage Requirements").
   */
  @Override
  public String longTextType() {
    return "LONGTEXT";
  }

  /**
   * {@inheritDoc}
   *
   * <p>MySQL's {@code ALTER TABLE t MODIFY COLUMN c type}, which has no {@code SET DATA TYPE} form;
   * it redefines the whole column, so it is used only on the state table's nullable columns without
   * a default, whose definition is just their type.
   */
  @Override
  public String alterColumnType(String table, String column, String type) {
    return "ALTER TABLE " + table + " MODIFY COLUMN " + column + " " + type;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sets both of the session's waits, in whole seconds (at least one, MySQL's smallest):
   * {@code innodb_lock_wait_timeout}, how long a statement waits for a row lock (a batch), and
   * {@code lock_wait_timeout}, how long it waits for a metadata lock (a schema step); either ends
   * with error 1205 (MySQL reference manual, "InnoDB Startup Options and System Variables" and
   * "Server System Variables"). Session settings: {@link #restoreLockTimeout} puts back the
   * session's own.
   */
  @Override
  public List<String> lockTimeout(java.time.Duration timeout) {
    long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
    return List.of("SET SESSION innodb_lock_wait_timeout = " + seconds,
        "SET SESSION lock_wait_timeout = " + seconds);
  }

  /** The session's two waits, as {@link #lockTimeout} found them. */
  @Override
  public List<String> restoreLockTimeout(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        java.sql.ResultSet rows = statement.executeQuery("SELECT"
            + " @@SESSION.innodb_lock_wait_timeout, @@SESSION.lock_wait_timeout")) {
      return rows.next()
          ? List.of("SET SESSION innodb_lock_wait_timeout = " + rows.getLong(1),
              "SET SESSION lock_wait_timeout = " + rows.getLong(2))
          : List.of();
    }
  }

  /** Error 1205, {@code ER_LOCK_WAIT_TIMEOUT}, for a row lock and a metadata lock alike. */
  @Override
  public boolean isLockTimeout(SQLException error) {
    for (Throwable next = error; next != null; next = next.getCause()) {
      if (next instanceof SQLException sql && sql.getErrorCode() == LOCK_WAIT_TIMEOUT) {
        return true;
      }
      if (next.getCause() == next) {
        break;
      }
    }
    return false;
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code TABLE_ROWS} of {@code information_schema.TABLES}: InnoDB's estimate from sampled pages,
   * refreshed by {@code ANALYZE TABLE} and as the table changes (MySQL reference manual, "The
   * INFORMATION_SCHEMA TABLES Table"; MySQL 8 caches it for {@code information_schema_stats_expiry}
   * seconds). Empty when the table is not found or its statistics say nothing.
   */
  @Override
  public java.util.OptionalLong estimatedRows(Connection connection, Table<?> table)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT TABLE_ROWS FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?")) {
      statement.setString(1, table.schema().map(Identifiers::text).orElse(null));
      statement.setString(2, Identifiers.text(table.name()));
      try (java.sql.ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return java.util.OptionalLong.empty();
        }
        long estimate = rows.getLong(1);
        return rows.wasNull() ? java.util.OptionalLong.empty()
            : java.util.OptionalLong.of(estimate);
      }
    }
  }

  /** A MySQL database is a JDBC catalog; {@code schema = "billing"} names the database. */
  @Override
  public boolean schemasAreCatalogs() {
    return true;
  }

  /** Never called: {@link #returnsFromUpdate()} is {@code false}. */
  @Override
  public String returning(String update, String column) {
    throw new UnsupportedOperationException("MySQL and MariaDB have no UPDATE ... RETURNING");
  }

  @Override
  public boolean returnsFromUpdate() {
    return false;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Bounds the session's {@code innodb_lock_wait_timeout} to {@value #BATCH_LOCK_WAIT_SECONDS}
   * seconds, keeping a lower one the session already has, and remembers the session's value in a
   * session variable for {@link #endBatches}.
   */
  @Override
  public void beginBatches(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET @godwit_lock_wait_timeout = @@SESSION.innodb_lock_wait_timeout,"
          + " SESSION innodb_lock_wait_timeout = LEAST(@@SESSION.innodb_lock_wait_timeout, "
          + BATCH_LOCK_WAIT_SECONDS + ")");
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Gives the session back the {@code innodb_lock_wait_timeout} it had before
   * {@link #beginBatches}.
   */
  @Override
  public void endBatches(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET SESSION innodb_lock_wait_timeout = COALESCE(@godwit_lock_wait_timeout,"
          + " @@GLOBAL.innodb_lock_wait_timeout), @godwit_lock_wait_timeout = NULL");
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code TIMESTAMPADD} on {@code CURRENT_TIMESTAMP(6)}, the statement's start to the
   * microsecond (MySQL reference manual, 14.7, date and time functions).
   */
  @Override
  public String currentTimestampPlusMillis() {
    return "TIMESTAMPADD(MICROSECOND, CAST(? AS SIGNED) * 1000, CURRENT_TIMESTAMP(6))";
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code TIMESTAMP(6)}, which stores UTC and converts to and from the session's time zone, so
   * that an expiry compares with {@code CURRENT_TIMESTAMP} alike in every session. Godwit assumes
   * {@code explicit_defaults_for_timestamp} is on, the default of MySQL 8 and MariaDB 10.10 and
   * later: where it is off, the first {@code TIMESTAMP} column of a table is set to the current
   * time on every update of its row.
   */
  @Override
  public String instantType() {
    return "TIMESTAMP(6)";
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code JSON}: MySQL's own type; in MariaDB an alias of {@code LONGTEXT} that the catalog
   * reports as such.
   */
  @Override
  public boolean isJsonType(String typeName) {
    return typeName.equals("json");
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code TIMESTAMP}: stored in UTC, converted from and to the session's time zone (MySQL
   * reference manual, 13.2.2, "The DATE, DATETIME, and TIMESTAMP Types"). {@code DATETIME} keeps
   * no zone, so an {@code Instant} there would depend on the session's and the JVM's zones: it is
   * refused as SQL's {@code TIMESTAMP} is.
   */
  @Override
  public boolean isInstantType(String typeName) {
    return typeName.equals("timestamp");
  }

  @Override
  public boolean isDuplicateKey(SQLException error) {
    return error.getErrorCode() == DUPLICATE_ENTRY || super.isDuplicateKey(error);
  }

  /**
   * The lag of the replicas given with {@link dev.godwit.runtime.RunOptions#withReplicas} (none
   * unless given: a primary cannot see its replicas' lag, nor connect to them without their
   * addresses and credentials), unless {@link dev.godwit.runtime.RunOptions#maxReplicationLag()} is
   * zero. Reading a replica's status needs MySQL's {@code REPLICATION CLIENT} privilege or
   * MariaDB's {@code REPLICA MONITOR}; a run without it is refused before it starts.
   */
  @Override
  public List<dev.godwit.runtime.HealthSignal> healthSignals(
      dev.godwit.runtime.RunOptions options) {
    if (options.replicas().isEmpty() || options.maxReplicationLag().isZero()) {
      return List.of();
    }
    return List.of(new MySqlReplicaLag(options.replicas(), options.maxReplicationLag()));
  }

  @Override
  protected boolean isTransientError(SQLException error) {
    int code = error.getErrorCode();
    return code == DEADLOCK || code == LOCK_WAIT_TIMEOUT;
  }

  @Override
  protected boolean isClosedDatabase(SQLException error) {
    int code = error.getErrorCode();
    return code == SERVER_SHUTDOWN || code == CONNECTION_KILLED;
  }

  @Override
  public void insert(Connection connection, Table<?> table, List<Column<?, ?>> columns,
      List<Object[]> rows) throws SQLException {
    String row = "(" + placeholders(columns.size()) + ")";
    String head = "INSERT INTO " + qualified(table) + " ("
        + columns.stream().map(column -> quote(column.name())).collect(Collectors.joining(", "))
        + ") VALUES ";
    for (List<Object[]> chunk : chunks(rows, columns.size())) {
      String sql = head + String.join(", ", java.util.Collections.nCopies(chunk.size(), row));
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        int index = 1;
        for (Object[] values : chunk) {
          for (int i = 0; i < columns.size(); i++) {
            columns.get(i).type().bindUnchecked(statement, index++, values[i]);
          }
        }
        statement.executeUpdate();
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The batch's keys and values go into a temporary table made from the target's own columns
   * ({@code CREATE TEMPORARY TABLE ... AS SELECT ... LIMIT 0}), so that each value is converted,
   * checked and collated exactly as the column would: a derived table of parameters would take
   * its types from the values and silently cut a long text to 65,535 bytes. One {@code UPDATE ...
   * JOIN} then writes every row that still exists; the temporary table is dropped after it.
   */
  @Override
  public void update(Connection connection, Table<?> table, List<Column<?, ?>> columns,
      List<Object> ids, List<Object[]> rows) throws SQLException {
    int keys = table.key().size();
    String set = IntStream.range(0, columns.size())
        .mapToObj(i -> TARGET + "." + quote(columns.get(i).name()) + " = " + VALUES + ".c" + i)
        .collect(Collectors.joining(", "))
        + table.version().map(version -> ", " + TARGET + "." + quote(version.name()) + " = "
            + TARGET + "." + quote(version.name()) + " + 1").orElse("");
    String on = IntStream.range(0, keys)
        .mapToObj(k -> TARGET + "." + quote(table.key().get(k).name()) + " = " + VALUES + ".k" + k)
        .collect(Collectors.joining(" AND "));
    String create = "CREATE TEMPORARY TABLE " + VALUES + " AS SELECT "
        + IntStream.range(0, keys + columns.size())
            .mapToObj(i -> i < keys ? quote(table.key().get(i).name()) + " AS k" + i
                : quote(columns.get(i - keys).name()) + " AS c" + (i - keys))
            .collect(Collectors.joining(", "))
        + " FROM " + qualified(table) + " LIMIT 0";
    String row = "(" + placeholders(keys + columns.size()) + ")";
    try (Statement statement = connection.createStatement()) {
      statement.execute(create);
      try {
        List<Integer> all = IntStream.range(0, ids.size()).boxed().toList();
        for (List<Integer> chunk : chunks(all, keys + columns.size())) {
          try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + VALUES
              + " VALUES " + String.join(", ", java.util.Collections.nCopies(chunk.size(), row)))) {
            int index = 1;
            for (int at : chunk) {
              index = bindKey(insert, index, table, ids.get(at));
              for (int i = 0; i < columns.size(); i++) {
                columns.get(i).type().bindUnchecked(insert, index++, rows.get(at)[i]);
              }
            }
            insert.executeUpdate();
          }
        }
        statement.executeUpdate("UPDATE " + qualified(table) + " AS " + TARGET + " JOIN " + VALUES
            + " ON " + on + " SET " + set);
      } finally {
        statement.execute("DROP TEMPORARY TABLE " + VALUES);
      }
    }
  }

  @Override
  public void delete(Connection connection, Table<?> table, List<Object> ids) throws SQLException {
    int keys = table.key().size();
    String keyList = table.key().stream().map(column -> quote(column.name()))
        .collect(Collectors.joining(", "));
    String one = keys == 1 ? "?" : "(" + placeholders(keys) + ")";
    for (List<Object> chunk : chunks(ids, keys)) {
      // a key compared with a parameter is compared in the key column's collation
      String sql = "DELETE FROM " + qualified(table) + " WHERE "
          + (keys == 1 ? keyList : "(" + keyList + ")") + " IN ("
          + String.join(", ", java.util.Collections.nCopies(chunk.size(), one)) + ")";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        int index = 1;
        for (Object id : chunk) {
          index = bindKey(statement, index, table, id);
        }
        statement.executeUpdate();
      }
    }
  }

  /** Binds one key's values from {@code index} on; returns the next index. */
  private static int bindKey(PreparedStatement statement, int index, Table<?> table, Object id)
      throws SQLException {
    if (!table.hasCompositeKey()) {
      table.key().get(0).type().bindUnchecked(statement, index, id);
      return index + 1;
    }
    List<?> values = (List<?>) id;
    for (int k = 0; k < values.size(); k++) {
      table.key().get(k).type().bindUnchecked(statement, index++, values.get(k));
    }
    return index;
  }

  private static String placeholders(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  /** Rows split so that no statement binds more than {@link #MAX_PARAMETERS} values. */
  private static <T> List<List<T>> chunks(List<T> rows, int width) {
    int size = Math.max(1, MAX_PARAMETERS / Math.max(1, width));
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += size) {
      chunks.add(rows.subList(from, Math.min(rows.size(), from + size)));
    }
    return chunks;
  }
}
