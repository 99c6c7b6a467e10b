package dev.godwit.runtime;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What differs between the databases the runtime supports: how identifiers are folded and quoted,
 * which errors are transient, and how a batch's writes become a constant number of statements.
 */
abstract class Dialect {

  private static final Pattern NAME_TOKEN = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /** SQL states that mean "try the transaction again": serialization failure, deadlock, lock timeout. */
  private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03");

  /** How many quoted names and statements a dialect remembers: far more than a schema has. */
  private static final int REMEMBERED = 1024;

  private final boolean foldsToUpper;
  private final boolean foldsToLower;
  /** Every batch quotes the same names and expands the same templates: do each once. */
  private final Map<String, String> quoted = new ConcurrentHashMap<>();
  private final Map<String, String> expanded = new ConcurrentHashMap<>();

  Dialect(DatabaseMetaData metaData) throws SQLException {
    this.foldsToUpper = metaData.storesUpperCaseIdentifiers();
    this.foldsToLower = !foldsToUpper && metaData.storesLowerCaseIdentifiers();
  }

  /**
   * The dialect of a connected database.
   *
   * @throws MigrationException if the database is neither H2 nor PostgreSQL
   */
  static Dialect of(Connection connection) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String product = metaData.getDatabaseProductName();
    if ("H2".equalsIgnoreCase(product)) {
      return new H2Dialect(metaData);
    }
    if ("PostgreSQL".equalsIgnoreCase(product)) {
      return new PostgresDialect(metaData);
    }
    throw new MigrationException(
        "The database is " + product + ", which Godwit does not support; use H2 or PostgreSQL.");
  }

  /** The database's name, for messages. */
  abstract String name();

  /**
   * A checked identifier as the database stores an unquoted one, then quoted, so that reserved words
   * work and tables created without quotes are found.
   */
  final String quote(String identifier) {
    return remembered(quoted, identifier, name -> '"' + fold(name) + '"');
  }

  /**
   * A checked identifier as the database stores it: an unquoted (plain) one folded to the database's
   * case, an exact one as declared, without its quotes.
   */
  final String fold(String identifier) {
    Identifiers.check("identifier", identifier);
    if (Identifiers.isExact(identifier)) {
      return Identifiers.text(identifier);
    }
    return foldsToUpper ? identifier.toUpperCase(Locale.ROOT)
        : foldsToLower ? identifier.toLowerCase(Locale.ROOT) : identifier;
  }

  /**
   * The scale (digits after the decimal point) of each NUMERIC column with a declared scale, per
   * table, as the catalog check found them: a value with more digits would be rounded by the
   * database without an error.
   */
  private final Map<String, Map<String, Integer>> decimalScales = new ConcurrentHashMap<>();

  /** Remembers the declared scales of a table's NUMERIC columns, by {@link Column#key()}. */
  final void rememberDecimalScales(Table<?> table, Map<String, Integer> scales) {
    decimalScales.put(qualified(table), Map.copyOf(scales));
  }

  /**
   * Checks that a value fits the declared scale of its NUMERIC column, as the catalog check found it.
   *
   * @throws IllegalArgumentException naming the value, the column and the fix when the database
   *     would round it; nothing for other columns, values and tables the check has not seen
   */
  final void checkScale(Table<?> table, Column<?, ?> column, Object value) {
    Object stored = column.type().toStored(value);
    if (!(stored instanceof java.math.BigDecimal decimal)) {
      return;
    }
    Integer scale = decimalScales.getOrDefault(qualified(table), Map.of()).get(column.key());
    int needed = Math.max(decimal.stripTrailingZeros().scale(), 0);
    if (scale != null && needed > scale) {
      throw new IllegalArgumentException("the value " + decimal.stripTrailingZeros().toPlainString()
          + " for " + table.qualifiedName() + "." + column.name() + " has " + needed
          + " digits after the decimal point, more than the column's scale of " + scale
          + ", so the database would round it without an error; declare the column with a scale"
          + " of at least " + needed + ", or round the value in the migration");
    }
  }

  /**
   * Checks that copying one NUMERIC column into another keeps every digit: the target's declared
   * scale is at least the source's (a source without a declared scale, or a column the catalog check
   * has not seen, is not refused).
   *
   * @throws IllegalArgumentException naming both columns and the fix when digits would be rounded
   */
  final void checkCopyScale(Table<?> table, Column<?, ?> target, Column<?, ?> source) {
    Map<String, Integer> scales = decimalScales.getOrDefault(qualified(table), Map.of());
    Integer targetScale = scales.get(target.key());
    Integer sourceScale = scales.get(source.key());
    if (targetScale != null && sourceScale != null && sourceScale > targetScale) {
      throw new IllegalArgumentException("copying " + table.qualifiedName() + "." + source.name()
          + " (scale " + sourceScale + ") into " + target.name() + " (scale " + targetScale
          + ") would round its values without an error; declare " + target.name()
          + " with a scale of at least " + sourceScale);
    }
  }

  /** A table's name as SQL refers to it: quoted, and qualified by its schema when it has one. */
  final String qualified(Table<?> table) {
    return table.schema().map(schema -> quote(schema) + ".").orElse("") + quote(table.name());
  }

  /** SQL written with {@code {name}} for every identifier, each replaced by its quoted form. */
  final String sql(String template) {
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
   */
  abstract String returning(String update, String column);

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

  /** Whether an error, or one it was caused by, is worth retrying the transaction for. */
  final boolean isTransient(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          if (TRANSIENT_STATES.contains(next.getSQLState()) || isTransientError(next)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether an error means the connection is gone, so nothing more can be recorded on it. */
  final boolean isConnectionFailure(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
              || isClosedDatabase(sql))) {
        return true;
      }
    }
    return false;
  }

  /** A transient error this database reports with its own codes. */
  abstract boolean isTransientError(SQLException error);

  /** An error saying the database itself was closed or shut down. */
  abstract boolean isClosedDatabase(SQLException error);

  /**
   * Inserts rows that all set the same columns.
   *
   * @param rows one array per row, values in the order of {@code columns}
   */
  abstract void insert(Connection connection, Table<?> table, List<Column<?, ?>> columns,
      List<Object[]> rows) throws SQLException;

  /**
   * Updates rows found by key, all setting the same columns, and increments the table's version
   * column, if it has one, on each row found.
   *
   * @param ids one key per row: the value of a single key, a {@code List<Object>} of a composite one
   * @param rows one array per key, values in the order of {@code columns}
   */
  abstract void update(Connection connection, Table<?> table, List<Column<?, ?>> columns,
      List<Object> ids, List<Object[]> rows) throws SQLException;

  /**
   * Deletes rows found by key.
   *
   * @param ids one key per row: the value of a single key, a {@code List<Object>} of a composite one
   */
  abstract void delete(Connection connection, Table<?> table, List<Object> ids) throws SQLException;
}
