package dev.godwit.runtime.internal.schema;

import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.internal.sql.ConditionSql;
import java.math.BigDecimal;
import java.sql.Types;
import dev.godwit.runtime.spi.Dialect;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes a condition's values as SQL literals, for a guard that must run as plain SQL (applied by
 * Godwit, or exported to a migration tool) and compare exactly as the bound parameter would. A
 * value without such a literal is refused rather than approximated:
 *
 * <ul>
 *   <li>text is quoted with doubled single quotes (SQL:2016, 5.3 {@code <character string
 *       literal>}); text holding a backslash is refused, since PostgreSQL reads backslashes as
 *       escapes when {@code standard_conforming_strings} is off (PostgreSQL documentation, section
 *       4.1.2.1), and text holding a NUL character, which neither database stores;
 *   <li>a {@code Double} that is not finite is refused (no SQL literal is NaN or infinite);
 *   <li>a date, date-time or instant is written in ISO form with its type ({@code DATE '...'},
 *       {@code TIMESTAMP '...'}, {@code TIMESTAMP WITH TIME ZONE '...+00:00'}); one with digits
 *       below the microsecond, which PostgreSQL would round, or a year outside 1 to 9999, is refused;
 *   <li>a JSON value is refused: its text compares as text on one database and as a document on
 *       the other.
 * </ul>
 */
final class SqlLiterals implements ConditionSql.Values {


  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

  private final Dialect dialect;

  /**
   * Literals as the database reads them.
   *
   * @param dialect what spells a text and an instant where the SQL standard's spelling does not do
   */
  SqlLiterals(Dialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public void append(StringBuilder sql, ColumnType<?> type, Object value) {
    if (value == null) {
      sql.append("NULL");
      return;
    }
    ColumnType<?> stored = type.storedType();
    Object storedValue = stored == type ? value : type.toStored(value);
    if (storedValue == null) {
      sql.append("NULL");
      return;
    }
    sql.append(literal(stored, storedValue));
  }

  private String literal(ColumnType<?> type, Object value) {
    if (type == ColumnType.STRING || type.javaType().isEnum()) {
      return dialect.textLiteral(type.encodeUnchecked(value));
    }
    if (type == ColumnType.INTEGER || type == ColumnType.LONG) {
      return value.toString();
    }
    if (type == ColumnType.BOOLEAN) {
      return (Boolean) value ? "TRUE" : "FALSE";
    }
    if (type == ColumnType.DOUBLE) {
      double number = (Double) value;
      if (!Double.isFinite(number)) {
        throw new IllegalArgumentException("the value " + number + " has no SQL literal");
      }
      // the shortest decimal that reads back as the same double (Double.toString's contract)
      return Double.toString(number);
    }
    if (type == ColumnType.DECIMAL) {
      return ((BigDecimal) value).toPlainString();
    }
    if (type == ColumnType.UUID) {
      return "CAST(" + text(value.toString()) + " AS UUID)";
    }
    if (type == ColumnType.LOCAL_DATE) {
      LocalDate date = (LocalDate) value;
      checkYear(date.getYear(), value);
      return "DATE '" + date + "'";
    }
    if (type == ColumnType.LOCAL_DATE_TIME) {
      LocalDateTime dateTime = (LocalDateTime) value;
      checkYear(dateTime.getYear(), value);
      checkMicros(dateTime.getNano(), value);
      return "TIMESTAMP '" + DATE_TIME.format(dateTime) + "'";
    }
    if (type == ColumnType.INSTANT) {
      LocalDateTime utc = LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
      checkYear(utc.getYear(), value);
      checkMicros(utc.getNano(), value);
      return dialect.instantLiteral((Instant) value, DATE_TIME.format(utc));
    }
    if (type.jdbcType() == Types.VARCHAR) {
      throw new IllegalArgumentException("the JSON value " + type.encodeUnchecked(value)
          + " compares as text on one database and as a document on another");
    }
    throw new IllegalArgumentException("a value of " + type + " has no SQL literal");
  }

  private static String text(String text) {
    if (text.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("the text '" + text + "' holds a backslash, which"
          + " PostgreSQL reads as an escape when standard_conforming_strings is off");
    }
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a text value holds a NUL character");
    }
    return "'" + text.replace("'", "''") + "'";
  }

  private static void checkYear(int year, Object value) {
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("the value " + value + " is outside the years 1 to 9999"
          + " that an SQL literal writes");
    }
  }

  private static void checkMicros(int nanos, Object value) {
    if (nanos % 1000 != 0) {
      throw new IllegalArgumentException("the value " + value + " has digits below the"
          + " microsecond, which PostgreSQL would round");
    }
  }
}
