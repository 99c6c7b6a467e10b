package dev.godwit.runtime;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the runtime needs to know about an entity's table: its name and schema, its columns, its
 * key (the primary key, or a unique key over NOT NULL columns, which orders every migration), its
 * optimistic-lock version column, and how rows become entities and entities become rows. Generated as
 * {@code XTable.TABLE}; may be written by hand for tables without an entity.
 *
 * <p>Names are plain SQL identifiers, folded to the database's case, or exact names between double
 * quotes ({@code "\"Customers\""}), used as declared (see {@link Column#of}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the entity type
 */
public final class Table<T> {

  private final String schema;
  private final String name;
  private final List<Column<T, ?>> key;
  private final List<Column<T, ?>> columns;
  private final Column<T, ?> version;
  private final RowReader<T> reader;
  private final Function<T, Patch<T>> writer;

  private Table(Builder<T> builder) {
    this.schema = builder.schema == null ? null : Identifiers.check("schema", builder.schema);
    this.name = Identifiers.check("table", builder.name);
    this.key = List.copyOf(Objects.requireNonNull(builder.key, "key"));
    this.columns = List.copyOf(Objects.requireNonNull(builder.columns, "columns"));
    this.version = builder.version;
    this.reader = Objects.requireNonNull(builder.reader, "reader");
    this.writer = Objects.requireNonNull(builder.writer, "writer");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("the key of " + name + " needs at least one column");
    }
    for (Column<T, ?> column : key) {
      if (!columns.contains(column)) {
        throw new IllegalArgumentException("the key column " + column + " must be one of the columns");
      }
    }
    if (new HashSet<>(key).size() != key.size()) {
      throw new IllegalArgumentException("the key of " + name + " names a column twice");
    }
    if (version != null && (!columns.contains(version) || key.contains(version))) {
      throw new IllegalArgumentException(
          "the version column " + version + " must be one of the columns and not part of the key");
    }
    if (version != null && !Number.class.isAssignableFrom(version.type().javaType())) {
      throw new IllegalArgumentException("the version column " + version + " must be numeric");
    }
    Set<String> names = new HashSet<>();
    for (Column<T, ?> column : columns) {
      if (!names.add(column.key())) {
        throw new IllegalArgumentException("two columns of " + name + " have the same name");
      }
    }
  }

  /**
   * A table in the connection's default schema, with a single-column key.
   *
   * @param name the table name: a plain SQL identifier, or an exact name between double quotes
   * @param id the primary-key column, one of {@code columns}; unique and never null
   * @param columns every column the entity maps, the id included
   * @param reader builds an entity from a row holding every column
   * @param writer gives the value of every column of an entity, for inserts
   * @param <T> the entity type
   * @return the table
   * @throws IllegalArgumentException if a name is not a valid identifier, the id is not among the
   *     columns, or two columns share a name
   */
  public static <T> Table<T> of(
      String name,
      Column<T, ?> id,
      List<Column<T, ?>> columns,
      RowReader<T> reader,
      Function<T, Patch<T>> writer) {
    return Table.<T>builder(name).key(List.of(id)).columns(columns).reader(reader).writer(writer)
        .build();
  }

  /**
   * A builder, for tables in a named schema, with a composite key or with a version column.
   *
   * @param name the table name: a plain SQL identifier, or an exact name between double quotes
   * @param <T> the entity type
   * @return a builder with nothing set but the name
   */
  public static <T> Builder<T> builder(String name) {
    return new Builder<>(name);
  }

  /**
   * The schema the table is in.
   *
   * @return the schema name as declared, or empty for the connection's default schema
   */
  public Optional<String> schema() {
    return Optional.ofNullable(schema);
  }

  /**
   * The table name.
   *
   * @return the name, as declared (an exact name keeps its double quotes)
   */
  public String name() {
    return name;
  }

  /**
   * The name for messages and migration records: {@code schema.name} or {@code name}.
   *
   * @return the qualified name, as declared
   */
  public String qualifiedName() {
    return schema == null ? name : schema + "." + name;
  }

  /**
   * Whether a name recorded by {@link #qualifiedName()} names this table: the same text, or the same
   * text but for case when no part is an exact name (plain names are folded by the database).
   *
   * @param recorded a table's name as the state table records it
   * @return {@code true} if it names this table
   */
  public boolean isRecordedAs(String recorded) {
    String name = qualifiedName();
    return recorded.equals(name)
        || (recorded.indexOf('"') < 0 && name.indexOf('"') < 0 && recorded.equalsIgnoreCase(name));
  }

  /**
   * The key columns, in key order: every migration visits rows in this order.
   *
   * @return one column for a single key, several for a composite one
   */
  public List<Column<T, ?>> key() {
    return key;
  }

  /**
   * The single key column.
   *
   * @return the id column
   * @throws IllegalStateException if the key is composite; use {@link #key()}
   */
  public Column<T, ?> id() {
    if (key.size() != 1) {
      throw new IllegalStateException(qualifiedName() + " has a composite key " + key + "; use key()");
    }
    return key.get(0);
  }

  /**
   * Whether the key has more than one column.
   *
   * @return {@code true} for a composite key
   */
  public boolean hasCompositeKey() {
    return key.size() > 1;
  }

  /**
   * The optimistic-lock version column (JPA's {@code @Version}), which every row Godwit writes
   * increments by one, so that a framework's save of a row read before the write fails instead of
   * undoing it.
   *
   * @return the version column, or empty
   */
  public Optional<Column<T, ?>> version() {
    return Optional.ofNullable(version);
  }

  /**
   * Every mapped column, the key included, in declaration order.
   *
   * @return an unmodifiable list
   */
  public List<Column<T, ?>> columns() {
    return columns;
  }

  /**
   * The column of a given name.
   *
   * @param columnName the name, compared as {@link Column#of} names are: plain names ignoring case
   * @return the column, if the table maps it
   */
  public Optional<Column<T, ?>> column(String columnName) {
    String wanted = Identifiers.key(columnName);
    return columns.stream().filter(column -> column.key().equals(wanted)).findFirst();
  }

  /**
   * Builds an entity from a row.
   *
   * @param row a row holding every column
   * @return the entity
   * @throws SQLException if a value cannot be read
   */
  public T read(Row row) throws SQLException {
    return reader.read(row);
  }

  /**
   * The value of every column of an entity.
   *
   * @param entity the entity
   * @return a patch setting every column
   */
  public Patch<T> valuesOf(T entity) {
    return writer.apply(entity);
  }

  /**
   * The id of an entity, for a single-column key.
   *
   * @param entity the entity
   * @return its primary-key value
   * @throws IllegalStateException if the key is composite; use {@link #keyOf}
   */
  public Object idOf(T entity) {
    return valuesOf(entity).values().get(id());
  }

  /**
   * The key values of an entity, in key order. For a composite key this list is the form every API
   * method taking a row's key expects ({@link MigrationContext#update},
   * {@link MigrationContext#delete}); a single key is passed as its value ({@link #idOf}).
   *
   * @param entity the entity
   * @return one value per key column
   */
  public List<Object> keyOf(T entity) {
    Patch<T> values = valuesOf(entity);
    return key.stream().map(column -> values.values().get(column)).toList();
  }

  @Override
  public String toString() {
    return qualifiedName();
  }

  /**
   * Builds a {@link Table}. Not thread-safe.
   *
   * @param <T> the entity type
   */
  public static final class Builder<T> {
    private final String name;
    private String schema;
    private List<Column<T, ?>> key;
    private List<Column<T, ?>> columns;
    private Column<T, ?> version;
    private RowReader<T> reader;
    private Function<T, Patch<T>> writer;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * The schema the table is in; by default, the connection's current schema.
     *
     * @param schema a plain SQL identifier, or an exact name between double quotes
     * @return this builder
     */
    public Builder<T> schema(String schema) {
      this.schema = schema;
      return this;
    }

    /**
     * The key: the primary key's columns, or those of a unique key over NOT NULL columns.
     *
     * @param key the key columns in key order, each one of the columns
     * @return this builder
     */
    @SafeVarargs
    public final Builder<T> key(Column<T, ?>... key) {
      return key(List.of(key));
    }

    /**
     * The key: the primary key's columns, or those of a unique key over NOT NULL columns.
     *
     * @param key the key columns in key order, each one of the columns
     * @return this builder
     */
    public Builder<T> key(List<Column<T, ?>> key) {
      this.key = List.copyOf(key);
      return this;
    }

    /**
     * Every column the entity maps, the key included.
     *
     * @param columns the columns, in declaration order
     * @return this builder
     */
    public Builder<T> columns(List<Column<T, ?>> columns) {
      this.columns = List.copyOf(columns);
      return this;
    }

    /**
     * The optimistic-lock version column, incremented by every row Godwit writes.
     *
     * @param version a numeric column, one of the columns and not part of the key
     * @return this builder
     */
    public Builder<T> version(Column<T, ?> version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * How a row becomes an entity.
     *
     * @param reader builds an entity from a row holding every column
     * @return this builder
     */
    public Builder<T> reader(RowReader<T> reader) {
      this.reader = reader;
      return this;
    }

    /**
     * How an entity becomes a row.
     *
     * @param writer gives the value of every column of an entity, for inserts
     * @return this builder
     */
    public Builder<T> writer(Function<T, Patch<T>> writer) {
      this.writer = writer;
      return this;
    }

    /**
     * The table.
     *
     * @return the table
     * @throws IllegalArgumentException if a name is not a valid identifier, a key or version column is
     *     not among the columns, the version column is not numeric, or two columns share a name
     */
    public Table<T> build() {
      return new Table<>(this);
    }
  }
}
