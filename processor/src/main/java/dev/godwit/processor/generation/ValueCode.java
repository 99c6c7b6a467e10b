package dev.godwit.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.godwit.processor.model.Accessor;
import dev.godwit.processor.model.Backfill;
import dev.godwit.processor.model.Entity;
import dev.godwit.processor.model.MigrationPlan;
import dev.godwit.processor.model.Property;
import dev.godwit.processor.model.ScalarKind;
import dev.godwit.processor.model.ValueType;
import java.util.Map;

/** Code fragments shared by the writers: column types, codecs, constants, reads and conditions. */
final class ValueCode {

  private ValueCode() {}

  /**
   * The {@code ColumnType} of a value type; records use the codec constants of the table class, a
   * converted value the converter constant of its field.
   */
  static CodeBlock columnType(
      ValueType type, Map<ClassName, String> recordCodecs, String converterConstant) {
    if (type instanceof ValueType.Scalar scalar) {
      return CodeBlock.of("$T.$L", RuntimeTypes.COLUMN_TYPE, scalar.kind().name());
    }
    if (type instanceof ValueType.EnumValue enumValue) {
      String factory = enumValue.storage() == ValueType.EnumStorage.ORDINAL ? "enumOrdinal" : "enumType";
      return CodeBlock.of("$T.$L($T.class)", RuntimeTypes.COLUMN_TYPE, factory, enumValue.type());
    }
    if (type instanceof ValueType.Converted converted) {
      return CodeBlock.of("$T.converted($T.$L,$W$T.class,$W$L::convertToDatabaseColumn,"
              + "$W$L::convertToEntityAttribute)",
          RuntimeTypes.COLUMN_TYPE, RuntimeTypes.COLUMN_TYPE, converted.stored().name(),
          converted.rawType(), converterConstant, converterConstant);
    }
    return CodeBlock.of("$T.json($L)", RuntimeTypes.COLUMN_TYPE, codec(type, recordCodecs));
  }

  /** The {@code JsonCodec} of a value type; records use the codec constants of the table class. */
  static CodeBlock codec(ValueType type, Map<ClassName, String> recordCodecs) {
    if (type instanceof ValueType.Scalar scalar) {
      return CodeBlock.of("$T.$L", RuntimeTypes.JSON_CODEC, scalar.kind().name());
    }
    if (type instanceof ValueType.EnumValue enumValue) {
      return CodeBlock.of("$T.enumCodec($T.class)", RuntimeTypes.JSON_CODEC, enumValue.type());
    }
    if (type instanceof ValueType.ListValue list) {
      return CodeBlock.of("$T.list($L)", RuntimeTypes.JSON_CODEC, codec(list.element(), recordCodecs));
    }
    return CodeBlock.of("$L", recordCodecs.get(((ValueType.RecordValue) type).type()));
  }

  /**
   * A Java expression for a checked constant of a scalar or enum type, or of a converted type with a
   * text form: the attribute's value, which the column type converts on its way to the database.
   */
  static CodeBlock constant(ValueType type, String text) {
    if (type instanceof ValueType.Converted converted) {
      return constant(converted.attribute().orElseThrow(), text);
    }
    if (type instanceof ValueType.EnumValue enumValue) {
      return CodeBlock.of("$T.$L", enumValue.type(), text);
    }
    ScalarKind kind = ((ValueType.Scalar) type).kind();
    return switch (kind) {
      case STRING -> CodeBlock.of("$S", text);
      case BOOLEAN, INTEGER, DOUBLE -> CodeBlock.of("$L", text);
      case LONG -> CodeBlock.of("$LL", text);
      case DECIMAL -> CodeBlock.of("new $T($S)", kind.type(), text);
      case UUID -> CodeBlock.of("$T.fromString($S)", kind.type(), text);
      case INSTANT, LOCAL_DATE, LOCAL_DATE_TIME -> CodeBlock.of("$T.parse($S)", kind.type(), text);
    };
  }

  /** Reads a field of an entity held in a variable: {@code team.plan()} or {@code team.plan}. */
  static CodeBlock read(String variable, Accessor getter) {
    return CodeBlock.of(getter.isMethod() ? "$L.$L()" : "$L.$L", variable, getter.name());
  }

  /** A column constant of the table class, as seen from another generated class. */
  static CodeBlock column(Entity entity, Property property) {
    return CodeBlock.of("$T.$L", entity.tableClass(), property.constant());
  }

  /** The rows a migration has still to change: the same condition for its range and its verification. */
  static CodeBlock remaining(Entity entity, MigrationPlan migration) {
    CodeBlock condition = null;
    for (String name : migration.fields()) {
      Property property = entity.property(name);
      CodeBlock one = migration.kind() == MigrationPlan.Kind.CLEAR
          ? CodeBlock.of("$L.isNotNull()", column(entity, property))
          : lacking(entity, property);
      condition = condition == null ? one : CodeBlock.of("$L$Z.or($L)", condition, one);
    }
    return condition;
  }

  /**
   * The rows a migration visits: those it has still to change, except, for a clear, rows still lacking
   * a field whose backfill reads the cleared one; those keep their old value, and the verification,
   * which still counts them, fails the clear instead of letting it lose data.
   */
  static CodeBlock range(Entity entity, MigrationPlan migration) {
    CodeBlock condition = remaining(entity, migration);
    for (String name : migration.requires()) {
      condition = CodeBlock.of("$L$Z.and($L.isNotNull())", condition,
          column(entity, entity.property(name)));
    }
    return condition;
  }

  /** Rows lacking a widened field; for a copy, only those whose source has something to copy. */
  private static CodeBlock lacking(Entity entity, Property property) {
    CodeBlock isNull = CodeBlock.of("$L.isNull()", column(entity, property));
    if (property.backfill().orElseThrow() instanceof Backfill.Copy copy) {
      return CodeBlock.of("$L.and($L.isNotNull())", isNull, column(entity, entity.property(copy.source())));
    }
    return isNull;
  }
}
