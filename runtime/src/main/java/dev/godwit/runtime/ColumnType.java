package dev.godwit.runtime;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * How values of one Java type are stored in a column: how they are bound as parameters, read back, and
 * written as text (for cursors, dry-run reports and sample ids).
 *
 * <p>Every supported field type has a constant here; enums are stored as their name and nested records
 * or lists as JSON text. Instances are immutable and thread-safe.
 *
 * @param <V> the Java type of the column's values
 */
public abstract class ColumnType<V> {

  /** {@code String}, stored as {@code VARCHAR}. */
  public static final ColumnType<String> STRING =
      simple(String.class, "VARCHAR", Types.VARCHAR, Function.identity(), Function.identity(),
          (st, i, v) -> st.setString(i, v), (rs, i) -> rs.getString(i));

  /** {@code Boolean} (and {@code boolean}), stored as {@code BOOLEAN}. */
  public static final ColumnType<Boolean> BOOLEAN =
      simple(Boolean.class, "BOOLEAN", Types.BOOLEAN, String::valueOf, Boolean::valueOf,
          (st, i, v) -> st.setBoolean(i, v), (rs, i) -> nullable(rs, rs.getBoolean(i)));

  /** {@code Integer} (and {@code int}), stored as {@code INTEGER}. */
  public static final ColumnType<Integer> INTEGER =
      simple(Integer.class, "INTEGER", Types.INTEGER, String::valueOf, Integer::valueOf,
          (st, i, v) -> st.setInt(i, v), (rs, i) -> nullable(rs, rs.getInt(i)));

  /** {@code Long} (and {@code long}), stored as {@code BIGINT}. */
  public static final ColumnType<Long> LONG =
      simple(Long.class, "BIGINT", Types.BIGINT, String::valueOf, Long::valueOf,
          (st, i, v) -> st.setLong(i, v), (rs, i) -> nullable(rs, rs.getLong(i)));

  /** {@code Double} (and {@code double}), stored as {@code DOUBLE PRECISION}. */
  public static final ColumnType<Double> DOUBLE =
      simple(Double.class, "DOUBLE PRECISION", Types.DOUBLE, String::valueOf, Double::valueOf,
          (st, i, v) -> st.setDouble(i, v), (rs, i) -> nullable(rs, rs.getDouble(i)));

  /**
   * {@code BigDecimal}, stored as {@code NUMERIC(38, 10)}: a bare {@code NUMERIC} means scale 0 on H2,
   * which would round every value to an integer. Declare the column with the precision and scale the
   * data needs; writes keep whatever the column declares.
   */
  public static final ColumnType<BigDecimal> DECIMAL =
      simple(BigDecimal.class, "NUMERIC(38, 10)", Types.NUMERIC, BigDecimal::toPlainString, BigDecimal::new,
          (st, i, v) -> st.setBigDecimal(i, v), (rs, i) -> rs.getBigDecimal(i));

  /** {@code UUID}, stored as {@code UUID}. */
  public static final ColumnType<UUID> UUID =
      simple(java.util.UUID.class, "UUID", Types.OTHER, java.util.UUID::toString,
          java.util.UUID::fromString, (st, i, v) -> st.setObject(i, v),
          (rs, i) -> rs.getObject(i, java.util.UUID.class));

  /** {@code Instant}, stored as {@code TIMESTAMP WITH TIME ZONE} (in UTC). */
  public static final ColumnType<Instant> INSTANT =
      simple(Instant.class, "TIMESTAMP WITH TIME ZONE", Types.TIMESTAMP_WITH_TIMEZONE,
          Instant::toString, Instant::parse,
          (st, i, v) -> st.setObject(i, OffsetDateTime.ofInstant(v, ZoneOffset.UTC)),
          (rs, i) -> {
            OffsetDateTime value = rs.getObject(i, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
          });

  /** {@code LocalDate}, stored as {@code DATE}. */
  public static final ColumnType<LocalDate> LOCAL_DATE =
      simple(LocalDate.class, "DATE", Types.DATE, LocalDate::toString, LocalDate::parse,
          (st, i, v) -> st.setObject(i, v), (rs, i) -> rs.getObject(i, LocalDate.class));

  /** {@code LocalDateTime}, stored as {@code TIMESTAMP} (without time zone). */
  public static final ColumnType<LocalDateTime> LOCAL_DATE_TIME =
      simple(LocalDateTime.class, "TIMESTAMP", Types.TIMESTAMP, LocalDateTime::toString,
          LocalDateTime::parse, (st, i, v) -> st.setObject(i, v),
          (rs, i) -> rs.getObject(i, LocalDateTime.class));

  /**
   * An enum stored as the {@link Enum#name() name} of its constant in a {@code VARCHAR} column.
   *
   * @param type the enum class
   * @param <E> the enum type
   * @return the column type; reading a name that is not a constant of {@code type} fails with an
   *     {@link SQLException} naming the value
   */
  public static <E extends Enum<E>> ColumnType<E> enumType(Class<E> type) {
    Objects.requireNonNull(type, "type");
    Function<String, E> decode = name -> Enum.valueOf(type, name);
    return simple(type, "VARCHAR", Types.VARCHAR, Enum::name, decode,
        (st, i, v) -> st.setString(i, v.name()),
        (rs, i) -> {
          String name = rs.getString(i);
          if (name == null) {
            return null;
          }
          try {
            return decode.apply(name);
          } catch (IllegalArgumentException e) {
            throw new SQLException(
                "'" + name + "' is not a constant of " + type.getName(), "22000", e);
          }
        });
  }

  /**
   * An enum stored as the {@link Enum#ordinal() ordinal} of its constant in an integer column: JPA's
   * {@code @Enumerated(EnumType.ORDINAL)}, and JPA's default for an enum attribute with no
   * {@code @Enumerated} (Jakarta Persistence 3.1, section 11.1.18).
   *
   * @param type the enum class
   * @param <E> the enum type
   * @return the column type; reading a number that is not an ordinal of {@code type} fails with an
   *     {@link SQLException} naming the value and the valid range
   */
  public static <E extends Enum<E>> ColumnType<E> enumOrdinal(Class<E> type) {
    Objects.requireNonNull(type, "type");
    E[] constants = type.getEnumConstants();
    return converted(INTEGER, type, Enum::ordinal, ordinal -> {
      if (ordinal < 0 || ordinal >= constants.length) {
        throw new IllegalArgumentException("'" + ordinal + "' is not an ordinal of " + type.getName()
            + ", whose ordinals run from 0 to " + (constants.length - 1));
      }
      return constants[ordinal];
    });
  }

  /**
   * A value stored through an application's converter (JPA's {@code AttributeConverter}): each
   * value is converted to the stored type before it is bound, and each stored value back after it is
   * read, exactly as the application's framework does, so both read and write the same column form.
   * SQL {@code NULL} is {@code null} on both sides and never passed to the converter.
   *
   * @param stored how the converted values are stored, for example {@link #STRING}
   * @param javaType the class of the attribute's values ({@code List.class} for a {@code List<String>})
   * @param toDatabase the converter's attribute-to-column function
   * @param toAttribute the converter's column-to-attribute function
   * @param <V> the attribute type
   * @param <D> the stored type
   * @return the column type; a converter that throws fails the read or the write with the row
   */
  public static <V, D> ColumnType<V> converted(
      ColumnType<D> stored,
      Class<?> javaType,
      Function<? super V, ? extends D> toDatabase,
      Function<? super D, ? extends V> toAttribute) {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(javaType, "javaType");
    Objects.requireNonNull(toDatabase, "toDatabase");
    Objects.requireNonNull(toAttribute, "toAttribute");
    return new ColumnType<>() {
      @Override
      public Class<?> javaType() {
        return javaType;
      }

      @Override
      public String sqlType() {
        return stored.sqlType();
      }

      @Override
      public int jdbcType() {
        return stored.jdbcType();
      }

      @Override
      public ColumnType<?> storedType() {
        return stored.storedType();
      }

      @Override
      public void bind(PreparedStatement statement, int index, V value) throws SQLException {
        stored.bind(statement, index, value == null ? null : toDatabase.apply(value));
      }

      @Override
      public V read(ResultSet resultSet, int index) throws SQLException {
        D value = stored.read(resultSet, index);
        try {
          return value == null ? null : toAttribute.apply(value);
        } catch (RuntimeException e) {
          throw new SQLException(e.getMessage() != null ? e.getMessage()
              : "the stored value " + value + " cannot be converted to " + javaType.getName(),
              "22000", e);
        }
      }

      @Override
      public String encode(V value) {
        return stored.encode(toDatabase.apply(value));
      }

      @Override
      public V decode(String text) {
        return toAttribute.apply(stored.decode(text));
      }

      @Override
      public Object toStored(Object value) {
        @SuppressWarnings("unchecked")
        V attribute = (V) value;
        return value == null ? null : stored.toStored(toDatabase.apply(attribute));
      }

      @Override
      public String toString() {
        return javaType.getSimpleName() + " as " + stored;
      }
    };
  }

  /**
   * A nested record or list stored as JSON text in a {@code VARCHAR} column.
   *
   * @param codec how values are written to and read from JSON
   * @param <V> the value type
   * @return the column type
   */
  public static <V> ColumnType<V> json(JsonCodec<V> codec) {
    Objects.requireNonNull(codec, "codec");
    return new ColumnType<>() {
      @Override
      public Class<?> javaType() {
        return codec.valueType();
      }

      @Override
      public String sqlType() {
        return "VARCHAR";
      }

      @Override
      public int jdbcType() {
        return Types.VARCHAR;
      }

      @Override
      public void bind(PreparedStatement statement, int index, V value) throws SQLException {
        if (value == null) {
          statement.setNull(index, Types.VARCHAR);
        } else {
          statement.setString(index, codec.toJson(value));
        }
      }

      @Override
      public V read(ResultSet resultSet, int index) throws SQLException {
        String text = resultSet.getString(index);
        try {
          return text == null ? null : codec.fromJson(text);
        } catch (IllegalArgumentException e) {
          throw new SQLException("column holds JSON that does not match its type: " + text, "22000", e);
        }
      }

      @Override
      public String encode(V value) {
        return codec.toJson(value);
      }

      @Override
      public V decode(String text) {
        return codec.fromJson(text);
      }

      @Override
      public String toString() {
        return "JSON";
      }
    };
  }

  /** Only the constants and factories of this class make column types. */
  ColumnType() {}

  /**
   * The Java type of the values.
   *
   * @return the class, boxed for primitives
   */
  public abstract Class<?> javaType();

  /**
   * The standard SQL type that holds this type's values, as a dialect may name it when it casts a
   * bound value and as a schema may declare the column; a dialect whose database spells the type
   * otherwise maps it (the built-in H2 and PostgreSQL dialects accept every one as written).
   *
   * @return the SQL type name, for example {@code "BIGINT"}
   */
  public abstract String sqlType();

  /**
   * The column type values are finally stored as: this one, or for {@link #converted} the stored
   * type of its converter's column form. Schema checks compare the database's column with it.
   *
   * @return the type that reaches the database
   */
  public ColumnType<?> storedType() {
    return this;
  }

  /**
   * A value as it is handed to the database: itself, or for {@link #converted} its converted form
   * (for dialects that bind arrays of values).
   *
   * @param value a value of this type, may be {@code null}
   * @return the value of {@link #storedType()}
   */
  public Object toStored(Object value) {
    return value;
  }

  /**
   * The {@link java.sql.Types} constant used to bind a SQL {@code NULL} of this type.
   *
   * @return the JDBC type code
   */
  public abstract int jdbcType();

  /**
   * Binds a value (or SQL {@code NULL} for {@code null}) as a statement parameter.
   *
   * @param statement the statement
   * @param index the one-based parameter index
   * @param value the value, may be {@code null}
   * @throws SQLException if the driver refuses the value
   */
  public abstract void bind(PreparedStatement statement, int index, V value) throws SQLException;

  /**
   * Reads a value from the current row of a result set.
   *
   * @param resultSet the result set, positioned on a row
   * @param index the one-based column index
   * @return the value, or {@code null} for SQL {@code NULL}
   * @throws SQLException if the stored value cannot be read as this type
   */
  public abstract V read(ResultSet resultSet, int index) throws SQLException;

  /**
   * The value as text; {@link #decode(String)} gives it back.
   *
   * @param value a non-null value
   * @return its text form
   */
  public abstract String encode(V value);

  /**
   * Reads a value written by {@link #encode(Object)}.
   *
   * @param text the text form
   * @return the value
   * @throws IllegalArgumentException if the text is not a value of this type
   */
  public abstract V decode(String text);

  /**
   * Binds a value whose type was checked elsewhere, such as the values of a {@link Patch}.
   *
   * @param statement the statement
   * @param index the one-based parameter index
   * @param value the value, may be {@code null}
   * @throws SQLException if the driver refuses the value
   * @throws ClassCastException if the value is not of this type
   */
  @SuppressWarnings("unchecked")
  public final void bindUnchecked(PreparedStatement statement, int index, Object value)
      throws SQLException {
    bind(statement, index, (V) value);
  }

  /**
   * {@link #encode(Object)} for a value whose type was checked elsewhere.
   *
   * @param value the value, may be {@code null}
   * @return its text form, or {@code null}
   */
  @SuppressWarnings("unchecked")
  public final String encodeUnchecked(Object value) {
    return value == null ? null : encode((V) value);
  }

  @FunctionalInterface
  private interface Binder<V> {
    void bind(PreparedStatement statement, int index, V value) throws SQLException;
  }

  @FunctionalInterface
  private interface Reader<V> {
    V read(ResultSet resultSet, int index) throws SQLException;
  }

  private static <V> V nullable(ResultSet resultSet, V value) throws SQLException {
    return resultSet.wasNull() ? null : value;
  }

  private static <V> ColumnType<V> simple(
      Class<?> javaType,
      String sqlType,
      int jdbcType,
      Function<V, String> encoder,
      Function<String, V> decoder,
      Binder<V> binder,
      Reader<V> reader) {
    return new ColumnType<>() {
      @Override
      public Class<?> javaType() {
        return javaType;
      }

      @Override
      public String sqlType() {
        return sqlType;
      }

      @Override
      public int jdbcType() {
        return jdbcType;
      }

      @Override
      public void bind(PreparedStatement statement, int index, V value) throws SQLException {
        if (value == null) {
          statement.setNull(index, jdbcType);
        } else {
          binder.bind(statement, index, value);
        }
      }

      @Override
      public V read(ResultSet resultSet, int index) throws SQLException {
        return reader.read(resultSet, index);
      }

      @Override
      public String encode(V value) {
        return encoder.apply(value);
      }

      @Override
      public V decode(String text) {
        try {
          return decoder.apply(text);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(
              "'" + text + "' is not a " + javaType.getSimpleName(), e);
        }
      }

      @Override
      public String toString() {
        return javaType.getSimpleName();
      }
    };
  }
}
