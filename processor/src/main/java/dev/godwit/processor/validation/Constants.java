package dev.godwit.processor.validation;

import dev.godwit.processor.model.ScalarKind;
import dev.godwit.processor.model.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the text of a {@code @Backfill(value = ...)} against the field's type at compile time, and
 * gives its canonical form, so that a constant that would fail at run time fails the build instead.
 */
final class Constants {

  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern UUID = Pattern.compile(
      "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

  private Constants() {}

  /**
   * The type a constant of a value type is written as: itself for a scalar or an enum, the attribute's
   * type for a converted value (the constant is the attribute's value, stored through the converter).
   *
   * @return the type, or empty when constants of the type have no text form (JSON, or a converted
   *     attribute of another type)
   */
  static Optional<ValueType> textForm(ValueType type) {
    if (type instanceof ValueType.Converted converted) {
      return converted.attribute();
    }
    return type.isJson() ? Optional.empty() : Optional.of(type);
  }

  /** The canonical text of a constant of a scalar or enum type, or empty if the type cannot hold it. */
  static Optional<String> canonical(ValueType type, String text) {
    if (type instanceof ValueType.EnumValue enumValue) {
      return enumValue.constants().contains(text) ? Optional.of(text) : Optional.empty();
    }
    if (!(type instanceof ValueType.Scalar scalar)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(canonical(scalar.kind(), text));
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String canonical(ScalarKind kind, String text) {
    return switch (kind) {
      case STRING -> text;
      case BOOLEAN -> text.equals("true") || text.equals("false") ? text : null;
      case INTEGER -> String.valueOf(Integer.parseInt(text));
      case LONG -> String.valueOf(Long.parseLong(text));
      case DOUBLE -> {
        double value = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
        yield Double.isFinite(value) ? Double.toString(value) : null;
      }
      case DECIMAL -> DECIMAL.matcher(text).matches() ? new BigDecimal(text).toString() : null;
      case UUID -> UUID.matcher(text).matches() ? text.toLowerCase(Locale.ROOT) : null;
      case INSTANT -> Instant.parse(text).toString();
      case LOCAL_DATE -> LocalDate.parse(text).toString();
      case LOCAL_DATE_TIME -> LocalDateTime.parse(text).toString();
    };
  }

  /** What to write instead of a constant the type cannot hold. */
  static String hint(ValueType type) {
    if (type instanceof ValueType.EnumValue enumValue) {
      return enumValue.constants().isEmpty()
          ? "@Backfill(method = ...), since the enum has no constants"
          : "one of " + String.join(", ", enumValue.constants());
    }
    return switch (((ValueType.Scalar) type).kind()) {
      case STRING -> "any text";
      case BOOLEAN -> "\"true\" or \"false\"";
      case INTEGER -> "a whole number from -2147483648 to 2147483647, such as \"42\"";
      case LONG -> "a whole number from -9223372036854775808 to 9223372036854775807, such as \"42\"";
      case DOUBLE -> "a finite decimal number, such as \"1.5\"";
      case DECIMAL -> "a decimal number, such as \"12.50\"";
      case UUID -> "a UUID, such as \"123e4567-e89b-12d3-a456-426614174000\"";
      case INSTANT -> "an ISO-8601 instant, such as \"2024-01-31T09:30:00Z\"";
      case LOCAL_DATE -> "an ISO-8601 date, such as \"2024-01-31\"";
      case LOCAL_DATE_TIME -> "an ISO-8601 date and time, such as \"2024-01-31T09:30:00\"";
    };
  }
}
