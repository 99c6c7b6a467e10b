package dev.godwit.processor.history;

import dev.godwit.processor.model.Names;
import java.util.List;
import java.util.Optional;

/**
 * What one entity's table looked like when it was built: the form written to and read from a schema
 * snapshot file ({@link SnapshotJson}). The committed snapshot of a table is its baseline, what was last
 * deployed; the processor compares every build's snapshot with it ({@link SchemaDiff}).
 *
 * @param entity the entity class's qualified name ({@code com.example.Team})
 * @param schema the table's schema, an exact name between double quotes; empty for the default one
 * @param table the table's name, an exact name between double quotes
 * @param columns every mapped column, in the entity's column order
 * @param migrations the generated migrations, in the order they run
 * @param removed the column names the code declares removed, in declaration order
 */
public record Snapshot(
    String entity,
    Optional<String> schema,
    String table,
    List<Column> columns,
    List<Migration> migrations,
    List<String> removed) {

  /** The version of the file format, written into every snapshot and checked when one is read. */
  public static final int FORMAT = 1;

  /** Copies the lists. */
  public Snapshot {
    columns = List.copyOf(columns);
    migrations = List.copyOf(migrations);
    removed = List.copyOf(removed);
  }

  /**
   * The table's name with its schema, as migration names and messages write it: {@code billing.teams},
   * {@code teams}, exact names without their quotes.
   *
   * @return the schema-qualified name's text
   */
  public String qualifiedTable() {
    return schema.map(name -> Names.text(name) + ".").orElse("") + Names.text(table);
  }

  /**
   * The column of a field.
   *
   * @param field the field's name ({@code addressCity} for a component of an embeddable)
   * @return the column, or empty when no column holds that field
   */
  public Optional<Column> field(String field) {
    return columns.stream().filter(column -> column.field().equals(field)).findFirst();
  }

  /**
   * One mapped column.
   *
   * @param field the field's name; for a component of an embeddable, the embedding field's followed
   *     by the capitalized component's
   * @param column the column's name, exact names with their double quotes
   * @param javaType the Java type of its values, boxed ({@code java.lang.Integer},
   *     {@code java.util.List<java.lang.String>})
   * @param sqlType the database-neutral kind of its column: a {@code ColumnType} scalar kind
   *     ({@code STRING}, {@code INTEGER}, {@code DECIMAL}...) or {@code JSON}
   * @param role the lifecycle role, a {@code ColumnSchema.Role} name ({@code REQUIRED}, {@code WIDENED})
   * @param key whether it is part of the primary key
   * @param length declared characters, or zero
   * @param precision declared decimal digits, or zero
   * @param scale declared decimal digits after the point
   * @param backfill how old rows get it, for a widened or narrowed column
   */
  public record Column(
      String field,
      String column,
      String javaType,
      String sqlType,
      String role,
      boolean key,
      int length,
      int precision,
      int scale,
      Optional<Backfill> backfill) {}

  /**
   * What a backfill fills a column from, and by which migration.
   *
   * @param source {@code value}, {@code from} or {@code method}: the {@code @Backfill} member used
   * @param text the constant's canonical text, the copied field's name, or the method's name
   * @param migration the migration's name ({@code teams.backfillPlan})
   */
  public record Backfill(String source, String text, String migration) {}

  /**
   * One generated migration.
   *
   * @param name its unique name ({@code teams.backfillPlan})
   * @param kind {@code BACKFILL} or {@code CLEAR}
   * @param phase the lifecycle phase it runs in, a {@code Phase} name
   * @param fields the fields it fills or clears, in declaration order
   * @param requires for a clear, the narrowed fields that must be filled before a row is cleared
   * @param batchSize rows per batch, or zero for the runtime's default
   */
  public record Migration(
      String name, String kind, String phase, List<String> fields, List<String> requires,
      int batchSize) {

    /** Copies the lists. */
    public Migration {
      fields = List.copyOf(fields);
      requires = List.copyOf(requires);
    }
  }
}
