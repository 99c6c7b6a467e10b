package dev.godwit.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes values of one type to JSON and reads them back, without reflection: generated code composes
 * codecs for nested records and lists from the ones here.
 *
 * <p>{@code fromJson(toJson(v))} equals {@code v} for every codec. Codecs are immutable and thread-safe.
 *
 * @param <V> the value type
 */
public abstract class JsonCodec<V> {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /** JSON strings. */
  public static final JsonCodec<String> STRING =
      scalar(String.class, JsonGenerator::writeString, JsonParser::getText);

  /** JSON {@code true} / {@code false}. */
  public static final JsonCodec<Boolean> BOOLEAN =
      scalar(Boolean.class, JsonGenerator::writeBoolean, JsonParser::getBooleanValue);

  /** JSON integers within {@code int}'s range. */
  public static final JsonCodec<Integer> INTEGER =
      scalar(Integer.class, JsonGenerator::writeNumber, JsonParser::getIntValue);

  /** JSON integers within {@code long}'s range. */
  public static final JsonCodec<Long> LONG =
      scalar(Long.class, JsonGenerator::writeNumber, JsonParser::getLongValue);

  /** JSON numbers read as {@code double}. */
  public static final JsonCodec<Double> DOUBLE =
      scalar(Double.class, JsonGenerator::writeNumber, JsonParser::getDoubleValue);

  /** JSON numbers kept exactly, as {@code BigDecimal}. */
  public static final JsonCodec<BigDecimal> DECIMAL =
      scalar(BigDecimal.class, JsonGenerator::writeNumber, JsonParser::getDecimalValue);

  /** UUIDs as JSON strings. */
  public static final JsonCodec<java.util.UUID> UUID =
      textual(java.util.UUID.class, java.util.UUID::toString, java.util.UUID::fromString);

  /** Instants as ISO-8601 JSON strings. */
  public static final JsonCodec<Instant> INSTANT =
      textual(Instant.class, Instant::toString, Instant::parse);

  /** Dates as ISO-8601 JSON strings. */
  public static final JsonCodec<LocalDate> LOCAL_DATE =
      textual(LocalDate.class, LocalDate::toString, LocalDate::parse);

  /** Date-times as ISO-8601 JSON strings. */
  public static final JsonCodec<LocalDateTime> LOCAL_DATE_TIME =
      textual(LocalDateTime.class, LocalDateTime::toString, LocalDateTime::parse);

  /**
   * Enums as the JSON string of their constant's name.
   *
   * @param type the enum class
   * @param <E> the enum type
   * @return the codec
   */
  public static <E extends Enum<E>> JsonCodec<E> enumCodec(Class<E> type) {
    return textual(type, Enum::name, name -> Enum.valueOf(type, name));
  }

  /**
   * Lists as JSON arrays; elements may be {@code null}.
   *
   * @param element the codec of the elements
   * @param <E> the element type
   * @return the codec; lists it reads are unmodifiable
   */
  public static <E> JsonCodec<List<E>> list(JsonCodec<E> element) {
    Objects.requireNonNull(element, "element");
    return new JsonCodec<>() {
      @Override
      public Class<?> valueType() {
        return List.class;
      }

      @Override
      public void write(JsonGenerator generator, List<E> value) throws IOException {
        generator.writeStartArray();
        for (E item : value) {
          element.writeNullable(generator, item);
        }
        generator.writeEndArray();
      }

      @Override
      public List<E> read(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_ARRAY);
        List<E> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(element.readNullable(parser));
        }
        return Collections.unmodifiableList(items);
      }
    };
  }

  /**
   * Records (or any value object) as JSON objects with one member per component, in the given order.
   * Members missing from the JSON read as {@code null}; unknown members are skipped, so a record can
   * gain a component without breaking rows written before.
   *
   * @param type the value class
   * @param names the member names, one per component
   * @param codecs the codec of each component, in the order of {@code names}
   * @param components the component values of a value, in the order of {@code names}
   * @param constructor builds a value from component values in the order of {@code names}
   * @param <V> the value type
   * @return the codec
   */
  public static <V> JsonCodec<V> object(
      Class<V> type,
      List<String> names,
      List<JsonCodec<?>> codecs,
      Function<V, Object[]> components,
      Function<Object[], V> constructor) {
    if (names.size() != codecs.size()) {
      throw new IllegalArgumentException("one codec per name is needed");
    }
    List<String> memberNames = List.copyOf(names);
    List<JsonCodec<?>> memberCodecs = List.copyOf(codecs);
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < memberNames.size(); i++) {
      positions.put(memberNames.get(i), i);
    }
    return new JsonCodec<>() {
      @Override
      public Class<?> valueType() {
        return type;
      }

      @Override
      public void write(JsonGenerator generator, V value) throws IOException {
        Object[] values = components.apply(value);
        generator.writeStartObject();
        for (int i = 0; i < memberNames.size(); i++) {
          generator.writeFieldName(memberNames.get(i));
          memberCodecs.get(i).writeUnchecked(generator, values[i]);
        }
        generator.writeEndObject();
      }

      @Override
      public V read(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        Object[] values = new Object[memberNames.size()];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          Integer position = positions.get(parser.currentName());
          parser.nextToken();
          if (position == null) {
            parser.skipChildren();
          } else {
            values[position] = memberCodecs.get(position).readNullable(parser);
          }
        }
        return constructor.apply(values);
      }
    };
  }

  /** Only the constants and factories of this class make codecs. */
  JsonCodec() {}

  /**
   * The class of the values this codec reads.
   *
   * @return the value class ({@code List} for list codecs)
   */
  public abstract Class<?> valueType();

  /**
   * Writes a non-null value.
   *
   * @param generator where to write
   * @param value the value
   * @throws IOException if writing fails
   */
  public abstract void write(JsonGenerator generator, V value) throws IOException;

  /**
   * Reads a value whose first token is the parser's current token.
   *
   * @param parser the parser, on the value's first token
   * @return the value
   * @throws IOException if the JSON does not hold a value of this type
   */
  public abstract V read(JsonParser parser) throws IOException;

  /**
   * The value as a JSON document.
   *
   * @param value the value
   * @return its JSON text
   */
  public final String toJson(V value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      writeNullable(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Reads a JSON document written by {@link #toJson(Object)}.
   *
   * @param json the JSON text
   * @return the value
   * @throws IllegalArgumentException if the text is not JSON of this type
   */
  public final V fromJson(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      parser.nextToken();
      return readNullable(parser);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a JSON " + valueType().getSimpleName() + ": " + json, e);
    }
  }

  final void writeNullable(JsonGenerator generator, V value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else {
      write(generator, value);
    }
  }

  final V readNullable(JsonParser parser) throws IOException {
    return parser.currentToken() == JsonToken.VALUE_NULL ? null : read(parser);
  }

  @SuppressWarnings("unchecked")
  final void writeUnchecked(JsonGenerator generator, Object value) throws IOException {
    writeNullable(generator, (V) value);
  }

  private static void expect(JsonParser parser, JsonToken token) throws IOException {
    if (parser.currentToken() != token) {
      throw new IOException("expected " + token + " but found " + parser.currentToken());
    }
  }

  @FunctionalInterface
  private interface Writer<V> {
    void write(JsonGenerator generator, V value) throws IOException;
  }

  @FunctionalInterface
  private interface Reader<V> {
    V read(JsonParser parser) throws IOException;
  }

  private static <V> JsonCodec<V> scalar(Class<V> type, Writer<V> writer, Reader<V> reader) {
    return new JsonCodec<>() {
      @Override
      public Class<?> valueType() {
        return type;
      }

      @Override
      public void write(JsonGenerator generator, V value) throws IOException {
        writer.write(generator, value);
      }

      @Override
      public V read(JsonParser parser) throws IOException {
        return reader.read(parser);
      }
    };
  }

  private static <V> JsonCodec<V> textual(
      Class<V> type, Function<V, String> encoder, Function<String, V> decoder) {
    return scalar(
        type,
        (generator, value) -> generator.writeString(encoder.apply(value)),
        parser -> {
          expect(parser, JsonToken.VALUE_STRING);
          return decoder.apply(parser.getText());
        });
  }
}
