package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.Identifiers;
import dev.godwit.runtime.SchemaMismatchException.Code;
import dev.godwit.runtime.SchemaMismatchException.Problem;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.internal.jdbc.DecimalScales;
import dev.godwit.runtime.internal.schema.Catalog;
import dev.godwit.runtime.internal.schema.Catalog.CatalogColumn;
import dev.godwit.runtime.internal.schema.Catalog.Found;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a {@link Table} with the live catalog, through JDBC's {@link DatabaseMetaData}, before
 * anything is written: the table exists (in its schema, if it names one), every mapped column exists,
 * each column's declared type holds its Java type faithfully (see {@link Rule}), and the key is unique
 * and NOT NULL. Names are matched as the database stores them ({@link Dialect#fold}): plain names as
 * folded, exact names exactly.
 *
 * <p>The key rule: a migration writes each row's new values back by its key, and pages through the
 * table by it, so a key two rows share makes each receive the other's values, and a NULL key is never
 * visited and cannot be named. The key must therefore be the primary key, or contain the columns of
 * one, or of a unique index with no predicate (a partial index leaves the rows outside it unchecked);
 * and every key column must be NOT NULL, because SQL's unique constraints admit any number of NULLs.
 */
public final class SchemaCheck {

  /** What a column is declared as, in the terms the matrix of {@link Rule} speaks. */
  public enum Declared {
    CHARACTER, BOOLEAN, INTEGER, DOUBLE, REAL, DECIMAL, UUID, TIMESTAMP, TIMESTAMP_TZ, DATE,
    /** PostgreSQL's {@code json} and {@code jsonb}, which its dialect writes through a cast. */
    JSON,
    /** A database enum type that reports itself as neither text nor number: H2's {@code ENUM(...)}. */
    ENUM,
    OTHER
  }

  /**
   * The one matrix of which declared column types hold which Java types faithfully: a value written
   * and read back is the same value whichever write path (bound parameter, set-based write,
   * in-database assignment) stored it. Where a narrower column is accepted, a value that does not fit
   * fails the statement loudly on both databases instead of being changed. A {@linkplain
   * ColumnType#converted converted} type follows the rule of its stored type.
   */
  public enum Rule {
    /**
     * {@code String}: any character type ({@code CHAR}, {@code VARCHAR}, {@code TEXT}, {@code CLOB},
     * PostgreSQL's {@code citext}), or a database enum type, whose assignment fails on any text that is
     * not one of its labels. A value too long for the column fails rather than being truncated.
     */
    TEXT(EnumSet.of(Declared.CHARACTER, Declared.ENUM), "a character type such as VARCHAR or TEXT"),

    /**
     * An enum stored by its constant's name ({@code @Enumerated(EnumType.STRING)}): a character type
     * or a database enum type. On an integer column the data is almost certainly ordinals, which JPA
     * writes by default (Jakarta Persistence 3.1, section 11.1.18).
     */
    ENUM_NAME(EnumSet.of(Declared.CHARACTER, Declared.ENUM), "a character type such as VARCHAR"),

    /**
     * An enum stored by its constant's ordinal ({@code @Enumerated(EnumType.ORDINAL)}, JPA's default):
     * an integer type. On a character column the data is almost certainly the constants' names.
     */
    ENUM_ORDINAL(EnumSet.of(Declared.INTEGER), "an integer type such as SMALLINT or INTEGER"),

    /**
     * A nested value stored as JSON text: a character type, or on PostgreSQL {@code json} or
     * {@code jsonb}, which its dialect casts the text to. H2's {@code JSON} type is refused: H2's
     * documentation of that type says a character value without {@code FORMAT JSON} is converted to
     * a JSON string, so the document would be stored as one quoted string.
     */
    JSON(EnumSet.of(Declared.CHARACTER, Declared.JSON), "a character type such as VARCHAR or TEXT"),

    /**
     * {@code Boolean}: {@code BOOLEAN}, or {@code BIT}, which PostgreSQL's driver reports for its
     * {@code boolean} and to which an assignment of anything but a bit fails.
     */
    BOOLEAN(EnumSet.of(Declared.BOOLEAN), "BOOLEAN"),

    /**
     * {@code Integer} and {@code Long}: any integer type ({@code SMALLINT}, {@code INTEGER},
     * {@code BIGINT}, H2's {@code TINYINT}): a value out of the column's range fails the write, and a
     * stored value out of the Java type's range fails the read, on both databases. A decimal or
     * floating-point column would round or accept fractions the field cannot hold.
     */
    INTEGER(EnumSet.of(Declared.INTEGER), "an integer type such as INTEGER or BIGINT"),

    /**
     * {@code Double}: {@code DOUBLE PRECISION} ({@code FLOAT(53)}, {@code FLOAT8}). Not {@code REAL}
     * ({@code FLOAT4}, {@code FLOAT(p)} with p up to 24): a single-precision value keeps about seven
     * significant digits (PostgreSQL's documentation, section 8.1.3, "Floating-Point Types"; H2's
     * {@code REAL} is the same IEEE 754 single precision), so most values would be rounded without an
     * error.
     */
    DOUBLE(EnumSet.of(Declared.DOUBLE), "DOUBLE PRECISION"),

    /**
     * {@code BigDecimal}: {@code NUMERIC} or {@code DECIMAL}. Floating-point columns would round
     * decimal fractions to binary ones.
     */
    DECIMAL(EnumSet.of(Declared.DECIMAL), "NUMERIC with the precision and scale the data needs"),

    /** {@code UUID}: the database's {@code UUID} type, which both databases have. */
    UUID(EnumSet.of(Declared.UUID), "UUID"),

    /**
     * {@code Instant}: {@code TIMESTAMP WITH TIME ZONE} only. A {@code TIMESTAMP} without time zone
     * holds no instant: a value with a zone assigned to it is converted to the session's time zone
     * (PostgreSQL's documentation, section 8.5.1.3, "Time Stamps"), while a bound parameter is
     * converted by the driver through the JVM's, so the same instant is stored as different values by
     * the two write paths and equality conditions find only some of them.
     */
    INSTANT(EnumSet.of(Declared.TIMESTAMP_TZ), "TIMESTAMP WITH TIME ZONE"),

    /** {@code LocalDate}: {@code DATE}. */
    LOCAL_DATE(EnumSet.of(Declared.DATE), "DATE"),

    /**
     * {@code LocalDateTime}: {@code TIMESTAMP} without time zone. A {@code TIMESTAMP WITH TIME ZONE}
     * column takes a value without a zone to be in the session's time zone (PostgreSQL's
     * documentation, section 8.5.1.3), so the same value reads back differently under another zone.
     */
    LOCAL_DATE_TIME(EnumSet.of(Declared.TIMESTAMP), "TIMESTAMP (without time zone)"),

    /**
     * The optimistic-lock version column (JPA's {@code @Version}): an integer type, which every write
     * increments by one.
     */
    VERSION(EnumSet.of(Declared.INTEGER), "an integer type such as INTEGER or BIGINT");

    private final Set<Declared> accepted;
    private final String fix;

    Rule(Set<Declared> accepted, String fix) {
      this.accepted = accepted;
      this.fix = fix;
    }

    /** Whether a column declared so holds this rule's values faithfully. */
    boolean accepts(Declared declared) {
      return accepted.contains(declared);
    }

    /** The rule for a mapped column, or empty for a column type no rule covers. */
    static Optional<Rule> of(Column<?, ?> column, boolean isVersion) {
      if (isVersion) {
        return Optional.of(VERSION);
      }
      ColumnType<?> type = column.type();
      ColumnType<?> stored = type.storedType();
      if (stored == ColumnType.STRING) {
        return Optional.of(TEXT);
      }
      if (stored == ColumnType.INTEGER || stored == ColumnType.LONG) {
        return Optional.of(type.javaType().isEnum() ? ENUM_ORDINAL : INTEGER);
      }
      Rule simple = stored == ColumnType.BOOLEAN ? BOOLEAN
          : stored == ColumnType.DOUBLE ? DOUBLE
          : stored == ColumnType.DECIMAL ? DECIMAL
          : stored == ColumnType.UUID ? UUID
          : stored == ColumnType.INSTANT ? INSTANT
          : stored == ColumnType.LOCAL_DATE ? LOCAL_DATE
          : stored == ColumnType.LOCAL_DATE_TIME ? LOCAL_DATE_TIME
          : null;
      if (simple != null) {
        return Optional.of(simple);
      }
      if (stored.javaType().isEnum()) {
        return Optional.of(ENUM_NAME);
      }
      if (stored.jdbcType() == Types.VARCHAR) {
        return Optional.of(JSON);
      }
      return Optional.empty();
    }
  }

  /** The command that applies the expand phase, which adds what is missing. */
  private static final String EXPAND = "godwit schema apply --phase expand";

  private final Connection connection;
  private final DatabaseMetaData metaData;
  private final Catalog catalog;
  private final Dialect dialect;
  private final DecimalScales scales;
  private final Table<?> table;
  /** What the table is about to be used for, for messages: "running teams.backfillPlan". */
  private final String use;

  private SchemaCheck(Connection connection, Dialect dialect, DecimalScales scales, Table<?> table,
      String use) throws SQLException {
    this.connection = connection;
    this.scales = scales;
    this.metaData = connection.getMetaData();
    this.catalog = new Catalog(connection, dialect);
    this.dialect = dialect;
    this.table = table;
    this.use = use;
  }

  /**
   * Every mismatch between a table's mapping and the catalog, in the order the columns are declared,
   * the key's last; empty if the mapping is sound.
   *
   * @param use what the table is checked for, completing "create it before ...", for example
   *     {@code "running teams.backfillPlan"}
   */
  public static List<Problem> problems(Connection connection, Dialect dialect, DecimalScales scales,
      Table<?> table, String use) throws SQLException {
    return new SchemaCheck(connection, dialect, scales, table, use).problems();
  }

  private List<Problem> problems() throws SQLException {
    Optional<Found> found = catalog.find(table);
    if (found.isEmpty()) {
      return List.of(new Problem(Code.TABLE_MISSING, "Table " + table.qualifiedName()
          + " does not exist" + tableHint() + "; create it before " + use + "."));
    }
    Map<String, CatalogColumn> catalogColumns = catalog.columns(found.get());
    rememberDecimalScales(found.get());
    List<Problem> problems = new ArrayList<>();
    boolean keyComplete = true;
    for (Column<?, ?> column : table.columns()) {
      CatalogColumn catalogColumn = catalogColumns.get(dialect.fold(column.name()));
      if (catalogColumn == null) {
        keyComplete &= !table.key().contains(column);
        problems.add(new Problem(Code.COLUMN_MISSING, "Column " + name(column)
            + " does not exist" + columnHint(column, catalogColumns.keySet()) + "; add it to table "
            + table.qualifiedName() + " before " + use + " (" + EXPAND
            + " adds every column the code maps), or correct the column's name in the mapping."));
        continue;
      }
      boolean isVersion = table.version().map(column::equals).orElse(false);
      Optional<Rule> rule = Rule.of(column, isVersion);
      if (rule.isPresent()) {
        Declared kind = declared(catalogColumn);
        if (!rule.get().accepts(kind)) {
          problems.add(new Problem(Code.COLUMN_TYPE,
              typeMismatch(column, catalogColumn, kind, rule.get())));
        }
      }
    }
    if (keyComplete) {
      problems.addAll(keyProblems(found.get(), catalogColumns));
    }
    return problems;
  }

  /**
   * Tells the dialect the declared scale of each NUMERIC column mapped to a {@code BigDecimal}, read
   * from the SQL standard's {@code information_schema.columns} (which H2 and PostgreSQL both keep),
   * where an unconstrained PostgreSQL {@code numeric} has no scale and keeps any: a value with more
   * digits than a declared scale would be rounded by the database without an error.
   */
  private void rememberDecimalScales(Found found) throws SQLException {
    Map<String, Column<?, ?>> decimals = new HashMap<>();
    for (Column<?, ?> column : table.columns()) {
      if (column.type().storedType() == ColumnType.DECIMAL) {
        decimals.put(dialect.fold(column.name()), column);
      }
    }
    String owner = found.schema() != null ? found.schema() : found.catalog();
    if (decimals.isEmpty() || owner == null) {
      return;
    }
    Map<String, Integer> byColumn = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT column_name,"
        + " numeric_scale FROM information_schema.columns WHERE table_schema = ? AND table_name = ?")) {
      statement.setString(1, owner);
      statement.setString(2, found.name());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Column<?, ?> column = decimals.get(rows.getString(1));
          int scale = rows.getInt(2);
          if (column != null && !rows.wasNull()) {
            byColumn.put(column.key(), scale);
          }
        }
      }
    }
    scales.remember(table, byColumn);
  }

  /**
   * What a column is declared as. Type names settle what JDBC type codes do not: PostgreSQL reports
   * {@code timestamptz} as {@code TIMESTAMP} and {@code uuid} as {@code OTHER}, H2 reports
   * {@code UUID} as {@code BINARY} and {@code FLOAT(24)} as {@code FLOAT}.
   */
  private Declared declared(CatalogColumn column) {
    String typeName = column.typeName() == null ? "" : column.typeName().toLowerCase(Locale.ROOT);
    if (typeName.equals("uuid")) {
      return Declared.UUID;
    }
    if (column.jdbcType() == Types.TIMESTAMP_WITH_TIMEZONE || typeName.equals("timestamptz")
        || typeName.equals("timestamp with time zone") || dialect.isInstantType(typeName)) {
      return Declared.TIMESTAMP_TZ;
    }
    if (dialect.isJsonType(typeName)) {
      return Declared.JSON;
    }
    if (dialect.isCharacterType(typeName)) {
      return Declared.CHARACTER;
    }
    if (typeName.startsWith("enum(")) {
      return Declared.ENUM;
    }
    return switch (column.jdbcType()) {
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR,
          Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> Declared.CHARACTER;
      case Types.BOOLEAN, Types.BIT -> Declared.BOOLEAN;
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Declared.INTEGER;
      case Types.DOUBLE -> Declared.DOUBLE;
      // JDBC's FLOAT is a double, but H2 reports FLOAT(p) with p up to 24, a REAL, as FLOAT too
      case Types.FLOAT -> column.size() == 0 || column.size() >= 53 ? Declared.DOUBLE : Declared.REAL;
      case Types.REAL -> Declared.REAL;
      case Types.NUMERIC, Types.DECIMAL -> Declared.DECIMAL;
      case Types.TIMESTAMP -> Declared.TIMESTAMP;
      case Types.DATE -> Declared.DATE;
      default -> Declared.OTHER;
    };
  }

  /** The sentence for a column whose declared type breaks its rule: the cause and the fix. */
  private String typeMismatch(Column<?, ?> column, CatalogColumn declared, Declared kind, Rule rule) {
    String enumName = column.type().javaType().getSimpleName();
    String start = "Column " + name(column) + " is " + declared.typeName() + ", which cannot hold ";
    String generic = "; declare it " + rule.fix + ".";
    return switch (rule) {
      case ENUM_NAME -> start + "enum " + enumName + " stored by name"
          + (kind == Declared.INTEGER ? ": the column holds numbers but the enum is stored by its"
              + " constant's name; mark the field @Enumerated(EnumType.ORDINAL) if it holds"
              + " ordinals, or declare the column " + rule.fix + "." : generic);
      case ENUM_ORDINAL -> start + "enum " + enumName + " stored by ordinal"
          + (kind == Declared.CHARACTER || kind == Declared.ENUM ? ": the column holds text but the"
              + " enum is stored by its constant's ordinal; mark the field"
              + " @Enumerated(EnumType.STRING) if it holds the constants' names, or declare the"
              + " column " + rule.fix + "." : generic);
      case INSTANT -> start + "an Instant faithfully"
          + (kind == Declared.TIMESTAMP ? ": without a time zone, the same Instant is stored as"
              + " different values through a bound parameter and through an in-database"
              + " assignment, depending on the JVM's time zone; declare it TIMESTAMP WITH TIME"
              + " ZONE, or map the field as LocalDateTime." : generic);
      case LOCAL_DATE_TIME -> start + "a LocalDateTime faithfully"
          + (kind == Declared.TIMESTAMP_TZ ? ": the database turns a local date-time into an"
              + " instant through the session's time zone, so the same value reads back"
              + " differently under another zone; declare it TIMESTAMP (without time zone), or"
              + " map the field as Instant." : generic);
      case DOUBLE -> start + "a Double faithfully"
          + (kind == Declared.REAL ? ": it keeps about seven significant digits, so values would"
              + " be rounded without an error; declare it DOUBLE PRECISION." : generic);
      case VERSION -> start + "the version column's counter; declare it " + rule.fix + ".";
      default -> start + javaDescription(column) + " faithfully" + generic;
    };
  }

  /** The Java side of a column for messages: its type, and how it reaches the column if not as is. */
  private static String javaDescription(Column<?, ?> column) {
    ColumnType<?> type = column.type();
    String simpleName = type.javaType().getSimpleName();
    String name = ("AEIOU".indexOf(simpleName.charAt(0)) >= 0 ? "an " : "a ") + simpleName;
    if (type.storedType() != type) {
      return name + " converted to " + type.storedType().javaType().getSimpleName();
    }
    return Rule.of(column, false).orElse(null) == Rule.JSON ? name + " stored as JSON" : name;
  }

  /**
   * The key's problems: every nullable key column, and the key not being unique.
   *
   * @param columns the table's columns, which hold every key column
   */
  private List<Problem> keyProblems(Found found, Map<String, CatalogColumn> columns)
      throws SQLException {
    List<Problem> problems = new ArrayList<>();
    List<String> key = table.key().stream().map(column -> dialect.fold(column.name())).toList();
    for (Column<?, ?> column : table.key()) {
      if (columns.get(dialect.fold(column.name())).nullable()) {
        problems.add(new Problem(Code.KEY_NULLABLE, "Column " + name(column) + " may hold NULL,"
            + " so a row whose key is NULL could be neither visited nor written back by its key;"
            + " give such rows a key and declare the column NOT NULL."));
      }
    }
    if (!catalog.isUnique(found, new HashSet<>(key))) {
      String names = table.key().stream().map(Column::name).collect(Collectors.joining(", "));
      problems.add(new Problem(Code.KEY_NOT_UNIQUE, "Table " + table.qualifiedName()
          + " has no primary key or unique index on (" + names + "), so two rows with the same key"
          + " would receive each other's values; add a primary key or unique constraint on "
          + (table.key().size() == 1 ? "that column." : "those columns.")));
    }
    return problems;
  }

  /** A hint when the table exists under the same name in another case, which only quoting reaches. */
  private String tableHint() throws SQLException {
    String inCatalog = connection.getCatalog();
    String schema = table.schema().isPresent() ? dialect.fold(table.schema().get())
        : connection.getSchema();
    if (dialect.schemasAreCatalogs()) {
      inCatalog = schema == null ? inCatalog : schema;
      schema = null;
    } else if (schema == null) {
      return "";
    }
    String wanted = Identifiers.text(table.name());
    try (ResultSet tables = metaData.getTables(inCatalog, catalog.pattern(schema), null, null)) {
      while (tables.next()) {
        String name = tables.getString("TABLE_NAME");
        if (name.equalsIgnoreCase(wanted)
            && Objects.equals(schema, tables.getString("TABLE_SCHEM"))) {
          return ", though a table \"" + name + "\" does (write its name between double quotes to"
              + " map it exactly)";
        }
      }
    }
    return "";
  }

  /**
   * A hint when the column exists under the same name in another case, which only quoting reaches, or
   * under the name Spring Boot's default naming strategy ({@code CamelCaseToUnderscoresNamingStrategy})
   * makes of the declared one, which it applies to names declared in {@code @Column} too.
   */
  private static String columnHint(Column<?, ?> column, Set<String> names) {
    String wanted = Identifiers.text(column.name());
    Optional<String> sameLetters = names.stream().filter(name -> name.equalsIgnoreCase(wanted))
        .findFirst();
    if (sameLetters.isPresent()) {
      return ", though a column \"" + sameLetters.get() + "\" does (write its name between double"
          + " quotes to map it exactly)";
    }
    String underscored = Identifiers.physicalName(wanted);
    return names.stream()
        .filter(name -> !underscored.equalsIgnoreCase(wanted) && name.equalsIgnoreCase(underscored))
        .findFirst()
        .map(name -> ", though a column " + name + " does, the name Spring Boot's default naming"
            + " strategy gives " + wanted + " (declare the column's name as " + underscored + ")")
        .orElse("");
  }

  /** A column's name for messages: {@code table.column}, as declared. */
  private String name(Column<?, ?> column) {
    return table.qualifiedName() + "." + column.name();
  }
}
