package dev.godwit.processor.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link Snapshot} as JSON made to be committed and diffed, and reads it back.
 *
 * <p>The text depends on the snapshot alone: keys in alphabetical order, lists in the entity's order,
 * one list element or key a line, two spaces of indentation, {@code \n} line ends (not the platform's) and a final newline, no
 * timestamp, and nothing formatted through the default locale, so that the same entities give the
 * same bytes on every machine and in every build. An absent schema or backfill is left out. Written
 * and read with jackson-core, which the runtime already depends on.
 */
public final class SnapshotJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private SnapshotJson() {}

  /**
   * The JSON text of a snapshot.
   *
   * @param snapshot the snapshot
   * @return its text, ending in a newline
   */
  public static String write(Snapshot snapshot) {
    StringWriter text = new StringWriter();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    try (JsonGenerator json = FACTORY.createGenerator(text).setPrettyPrinter(printer)) {
      json.writeStartObject();
      json.writeArrayFieldStart("columns");
      for (Snapshot.Column column : snapshot.columns()) {
        writeColumn(json, column);
      }
      json.writeEndArray();
      json.writeStringField("entity", snapshot.entity());
      json.writeNumberField("format", Snapshot.FORMAT);
      json.writeArrayFieldStart("migrations");
      for (Snapshot.Migration migration : snapshot.migrations()) {
        json.writeStartObject();
        json.writeNumberField("batchSize", migration.batchSize());
        writeStrings(json, "fields", migration.fields());
        json.writeStringField("kind", migration.kind());
        json.writeStringField("name", migration.name());
        json.writeStringField("phase", migration.phase());
        writeStrings(json, "requires", migration.requires());
        json.writeEndObject();
      }
      json.writeEndArray();
      writeStrings(json, "removed", snapshot.removed());
      if (snapshot.schema().isPresent()) {
        json.writeStringField("schema", snapshot.schema().get());
      }
      json.writeStringField("table", snapshot.table());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text + "\n";
  }

  private static void writeColumn(JsonGenerator json, Snapshot.Column column) throws IOException {
    json.writeStartObject();
    if (column.backfill().isPresent()) {
      Snapshot.Backfill backfill = column.backfill().get();
      json.writeObjectFieldStart("backfill");
      json.writeStringField("migration", backfill.migration());
      json.writeStringField("source", backfill.source());
      json.writeStringField("text", backfill.text());
      json.writeEndObject();
    }
    json.writeStringField("column", column.column());
    json.writeStringField("field", column.field());
    json.writeStringField("javaType", column.javaType());
    json.writeBooleanField("key", column.key());
    json.writeNumberField("length", column.length());
    json.writeNumberField("precision", column.precision());
    json.writeStringField("role", column.role());
    json.writeNumberField("scale", column.scale());
    json.writeStringField("sqlType", column.sqlType());
    json.writeEndObject();
  }

  private static void writeStrings(JsonGenerator json, String name, List<String> values)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  /**
   * Reads a snapshot written by {@link #write}.
   *
   * @param text the file's text
   * @return the snapshot
   * @throws IllegalArgumentException if the text is not JSON, is of another format version, or lacks a
   *     member; the message names what is wrong
   */
  public static Snapshot read(String text) {
    Map<String, Object> root;
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("a snapshot is a JSON object");
      }
      root = object(parser);
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
    }
    Object format = root.get("format");
    if (!(format instanceof Number number) || number.intValue() != Snapshot.FORMAT) {
      throw new IllegalArgumentException("format " + format + " is not " + Snapshot.FORMAT
          + ", the only format this processor reads");
    }
    List<Snapshot.Column> columns = new ArrayList<>();
    for (Object column : list(root, "columns")) {
      columns.add(column(map(column, "columns")));
    }
    List<Snapshot.Migration> migrations = new ArrayList<>();
    for (Object migration : list(root, "migrations")) {
      Map<String, Object> fields = map(migration, "migrations");
      migrations.add(new Snapshot.Migration(string(fields, "name"), string(fields, "kind"),
          string(fields, "phase"), strings(fields, "fields"), strings(fields, "requires"),
          number(fields, "batchSize")));
    }
    return new Snapshot(string(root, "entity"),
        Optional.ofNullable(root.get("schema")).map(String::valueOf), string(root, "table"),
        columns, migrations, strings(root, "removed"));
  }

  private static Snapshot.Column column(Map<String, Object> fields) {
    Optional<Snapshot.Backfill> backfill = Optional.ofNullable(fields.get("backfill"))
        .map(value -> map(value, "backfill"))
        .map(value -> new Snapshot.Backfill(string(value, "source"), string(value, "text"),
            string(value, "migration")));
    return new Snapshot.Column(string(fields, "field"), string(fields, "column"),
        string(fields, "javaType"), string(fields, "sqlType"), string(fields, "role"),
        Boolean.TRUE.equals(fields.get("key")), number(fields, "length"),
        number(fields, "precision"), number(fields, "scale"), backfill);
  }

  private static Map<String, Object> object(JsonParser parser) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      fields.put(name, value(parser));
    }
    return fields;
  }

  private static Object value(JsonParser parser) throws IOException {
    return switch (parser.currentToken()) {
      case START_OBJECT -> object(parser);
      case START_ARRAY -> {
        List<Object> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          values.add(value(parser));
        }
        yield values;
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> parser.getIntValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IllegalArgumentException("unexpected " + parser.currentToken());
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String name) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException(name + " holds " + value + " where an object belongs");
  }

  private static List<?> list(Map<String, Object> fields, String name) {
    if (fields.get(name) instanceof List<?> values) {
      return values;
    }
    throw new IllegalArgumentException("member \"" + name + "\" is missing or not a list");
  }

  private static List<String> strings(Map<String, Object> fields, String name) {
    return list(fields, name).stream().map(String::valueOf).toList();
  }

  private static String string(Map<String, Object> fields, String name) {
    if (fields.get(name) instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException("member \"" + name + "\" is missing or not a string");
  }

  private static int number(Map<String, Object> fields, String name) {
    if (fields.get(name) instanceof Integer number) {
      return number;
    }
    throw new IllegalArgumentException("member \"" + name + "\" is missing or not a number");
  }
}
