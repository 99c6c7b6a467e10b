package dev.godwit.runtime.internal.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.godwit.runtime.Column;
import dev.godwit.runtime.ErrorCode;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.Row;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.Identifiers;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A row's key as the engine and the public API hold it: for a single-column key, the value itself; for
 * a composite key, an immutable {@code List<Object>} of the key values in key order. Also its text
 * forms: the cursor's (a single key's text as before, a composite key as a JSON array of each value's
 * text) and the one messages name a row by ({@code (order_id=1, line_no=2)}).
 */
public final class RowKeys {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private RowKeys() {}

  /**
   * The key of the current row of a result set whose key columns were selected from {@code first} on
   * (1-based), in key order.
   *
   * @throws MigrationException if a key value is NULL
   */
  public static Object read(Table<?> table, ResultSet resultSet, int first) throws SQLException {
    List<? extends Column<?, ?>> key = table.key();
    if (key.size() == 1) {
      return notNull(table, key.get(0).type().read(resultSet, first));
    }
    Object[] values = new Object[key.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = notNull(table, key.get(i).type().read(resultSet, first + i));
    }
    return List.of(values);
  }

  /**
   * The key of a row.
   *
   * @throws MigrationException if a key value is NULL
   */
  public static Object read(Table<?> table, Row row) throws SQLException {
    List<? extends Column<?, ?>> key = table.key();
    if (key.size() == 1) {
      return notNull(table, row.get(key.get(0)));
    }
    Object[] values = new Object[key.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = notNull(table, row.get(key.get(i)));
    }
    return List.of(values);
  }

  /** The key values in key order: one for a single key. */
  public static List<Object> values(Table<?> table, Object key) {
    if (table.hasCompositeKey()) {
      return ((List<?>) key).stream().map(Object.class::cast).toList();
    }
    return List.of(key);
  }

  /**
   * A key passed by a caller, checked against the table's key and made immutable.
   *
   * @throws IllegalArgumentException naming the expected shape if it is not the table's key
   */
  public static Object checked(Table<?> table, Object key) {
    if (key == null) {
      throw new IllegalArgumentException("the id of a row of " + table + " is null; pass "
          + expected(table));
    }
    if (!table.hasCompositeKey()) {
      Class<?> type = table.id().type().javaType();
      if (!type.isInstance(key)) {
        throw new IllegalArgumentException("the id of " + table + " is a " + type.getSimpleName()
            + ", not a " + key.getClass().getSimpleName() + " (" + key + "); pass a "
            + type.getSimpleName());
      }
      return key;
    }
    if (!(key instanceof List<?> values) || values.size() != table.key().size()) {
      throw new IllegalArgumentException("the key of " + table + " is composite, so " + key
          + " does not name a row; pass " + expected(table));
    }
    for (int i = 0; i < values.size(); i++) {
      Class<?> type = table.key().get(i).type().javaType();
      if (!type.isInstance(values.get(i))) {
        throw new IllegalArgumentException("the key " + key + " of " + table + " has "
            + (values.get(i) == null ? "null" : "a " + values.get(i).getClass().getSimpleName())
            + " for " + table.key().get(i) + "; pass " + expected(table));
      }
    }
    return List.copyOf(values);
  }

  /**
   * A key as the state table records it: a single key's text, as before composite keys existed, or a
   * JSON array holding each key value's text, in key order.
   */
  public static String text(Table<?> table, Object key) {
    if (!table.hasCompositeKey()) {
      return table.id().type().encodeUnchecked(key);
    }
    List<?> values = (List<?>) key;
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartArray();
      for (int i = 0; i < values.size(); i++) {
        json.writeString(table.key().get(i).type().encodeUnchecked(values.get(i)));
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Reads a key written by {@link #text}.
   *
   * @throws MigrationException if the text is not a key of this table's shape, as when the key of the
   *     table changed after the cursor was recorded
   */
  public static Object parse(Table<?> table, String text, String migration) {
    try {
      if (!table.hasCompositeKey()) {
        return table.id().type().decode(text);
      }
      List<String> texts = new ArrayList<>();
      try (JsonParser json = JSON.createParser(text)) {
        if (json.nextToken() != JsonToken.START_ARRAY) {
          throw new IllegalArgumentException("not a JSON array");
        }
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY;
            token = json.nextToken()) {
          if (token != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("not an array of strings");
          }
          texts.add(json.getText());
        }
        if (json.nextToken() != null) {
          throw new IllegalArgumentException("text after the array");
        }
      }
      if (texts.size() != table.key().size()) {
        throw new IllegalArgumentException(texts.size() + " values");
      }
      Object[] values = new Object[texts.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = table.key().get(i).type().decode(texts.get(i));
      }
      return List.of(values);
    } catch (IOException | RuntimeException e) {
      throw new MigrationException(ErrorCode.CURSOR_MISMATCH,
          ErrorCode.CURSOR_MISMATCH.message(migration, text, table, names(table)), e);
    }
  }

  /** A key as messages name a row: the value alone for a single key, else {@code (a=1, b=2)}. */
  public static String describe(Table<?> table, Object key) {
    if (!table.hasCompositeKey()) {
      return table.id().type().encodeUnchecked(key);
    }
    List<?> values = (List<?>) key;
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < values.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(Identifiers.text(table.key().get(i).name())).append('=')
          .append(table.key().get(i).type().encodeUnchecked(values.get(i)));
    }
    return text.append(')').toString();
  }

  /** The key columns' names, for messages: {@code order_id, line_no}. */
  public static String names(Table<?> table) {
    return table.key().stream().map(column -> Identifiers.text(column.name()))
        .collect(Collectors.joining(", "));
  }

  private static Object notNull(Table<?> table, Object value) {
    if (value == null) {
      throw nullKey(table);
    }
    return value;
  }

  /** The error for a NULL key value, which no keyset cursor can pass and no write can find. */
  public static MigrationException nullKey(Table<?> table) {
    return new MigrationException(ErrorCode.NULL_KEY, ErrorCode.NULL_KEY.message(table,
        table.hasCompositeKey() ? "s" : "", names(table)));
  }

  private static String expected(Table<?> table) {
    if (!table.hasCompositeKey()) {
      return "a " + table.id().type().javaType().getSimpleName();
    }
    return "a List of " + table.key().size() + " values in key order, List.of("
        + Arrays.stream(table.key().toArray(new Column<?, ?>[0]))
            .map(column -> Identifiers.text(column.name()) + " as "
                + column.type().javaType().getSimpleName())
            .collect(Collectors.joining(", ")) + ")";
  }
}
