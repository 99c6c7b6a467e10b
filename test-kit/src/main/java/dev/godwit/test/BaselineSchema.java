package dev.godwit.test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table a schema snapshot describes: what the processor wrote into the directory named by
 * {@code godwit.schemaDir}, one JSON file per table. Only what creating the table takes is read: its
 * name, and each column's name, kind, key membership, whether it is required, and size.
 *
 * @param schema the table's schema; empty for the connection's default one
 * @param table the table's name
 * @param columns its columns, in the entity's order
 */
public record BaselineSchema(Optional<String> schema, String table, List<Column> columns) {

  private static final JsonFactory FACTORY = new JsonFactory();

  /** Copies the columns. */
  public BaselineSchema {
    columns = List.copyOf(columns);
  }

  /**
   * One column of the baseline.
   *
   * @param name the column's name: a plain SQL identifier, or an exact name between double quotes
   * @param kind the database-neutral kind of its values: {@code STRING}, {@code BOOLEAN},
   *     {@code INTEGER}, {@code LONG}, {@code DOUBLE}, {@code DECIMAL}, {@code UUID},
   *     {@code INSTANT}, {@code LOCAL_DATE}, {@code LOCAL_DATE_TIME} or {@code JSON}
   * @param key whether it is part of the primary key
   * @param required whether every row holds a value ({@code NOT NULL}): a key column, and one whose
   *     role is {@code REQUIRED} or {@code NARROWED}
   * @param length declared characters, or zero
   * @param precision declared decimal digits, or zero
   * @param scale declared decimal digits after the point
   */
  public record Column(
      String name, String kind, boolean key, boolean required, int length, int precision,
      int scale) {}

  /**
   * Reads a snapshot file.
   *
   * @param snapshot the file, such as {@code src/main/godwit/owners.json}
   * @return the table it describes
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if it is no snapshot, naming the file and the member at fault
   */
  public static BaselineSchema read(Path snapshot) {
    try (JsonParser parser = FACTORY.createParser(Files.readString(snapshot, StandardCharsets.UTF_8))) {
      Map<String, Object> root = object(parser, parser.nextToken());
      List<Column> columns = new ArrayList<>();
      for (Object value : (List<?>) require(root, "columns", snapshot)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> column = (Map<String, Object>) value;
        String role = (String) require(column, "role", snapshot);
        boolean key = Boolean.TRUE.equals(column.get("key"));
        columns.add(new Column((String) require(column, "column", snapshot),
            (String) require(column, "sqlType", snapshot), key,
            key || role.equals("REQUIRED") || role.equals("NARROWED"),
            number(column, "length"), number(column, "precision"), number(column, "scale")));
      }
      return new BaselineSchema(Optional.ofNullable((String) root.get("schema")),
          (String) require(root, "table", snapshot), columns);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read schema snapshot " + snapshot, e);
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(snapshot + " is no schema snapshot: " + e.getMessage(), e);
    }
  }

  private static Object require(Map<String, Object> object, String member, Path snapshot) {
    Object value = object.get(member);
    if (value == null) {
      throw new IllegalArgumentException(snapshot + " is no schema snapshot: it lacks \"" + member
          + "\"");
    }
    return value;
  }

  private static int number(Map<String, Object> object, String member) {
    return object.get(member) instanceof Number number ? number.intValue() : 0;
  }

  private static Map<String, Object> object(JsonParser parser, JsonToken start) throws IOException {
    if (start != JsonToken.START_OBJECT) {
      throw new IOException("a JSON object was expected");
    }
    Map<String, Object> members = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      members.put(name, value(parser, parser.nextToken()));
    }
    return members;
  }

  private static Object value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        return object(parser, token);
      case START_ARRAY:
        List<Object> values = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY;
            next = parser.nextToken()) {
          values.add(value(parser, next));
        }
        return values;
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getIntValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }
}
