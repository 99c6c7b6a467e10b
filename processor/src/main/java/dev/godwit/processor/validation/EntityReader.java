package dev.godwit.processor.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.godwit.processor.model.Entity;
import dev.godwit.processor.model.MigrationPlan;
import dev.godwit.processor.model.Names;
import dev.godwit.processor.model.Property;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one {@code @MigratedTable} element into the {@link Entity} model, checking everything that can
 * be wrong with it. Every problem is collected into the report; the entity is given only when there is
 * none, so no code is ever generated from an entity with errors.
 */
public final class EntityReader {

  /** The outcome of reading one entity. */
  public record Result(Optional<Entity> entity, ValidationReport report) {}

  private static final String RUNTIME_TABLE = "dev.godwit.runtime.Table";

  private final Elements elements;
  private final Types types;
  private final Visibility visibility;

  /**
   * A reader.
   *
   * @param elements the compiler's elements
   * @param types the compiler's types
   */
  public EntityReader(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.visibility = new Visibility(elements);
  }

  /**
   * Reads and checks an entity.
   *
   * @param type the element annotated with {@code @MigratedTable}
   * @return the entity if it has no problem, and the report of its problems
   */
  public Result read(TypeElement type) {
    ValidationReport.Builder report = new ValidationReport.Builder();
    if (!checkShape(type, report)) {
      return new Result(Optional.empty(), report.build());
    }
    Set<Element> touched = new LinkedHashSet<>();
    touched.add(type);
    ReadContext context = new ReadContext(elements, types, visibility, touched);
    String table = tableName(type, report);
    Optional<String> schema = schemaName(type, report);
    List<FieldDraft> fields = readFields(type, context, report);
    Optional<String> version = ColumnMappingReader.version(type, fields, report);
    checkIds(type, fields, report);
    checkUniqueNames(type, fields, report);
    checkMarkers(fields, report);
    BackfillReader backfills = new BackfillReader(context);
    for (FieldDraft field : fields) {
      if (field.backfillAnnotation != null) {
        BackfillDraft backfill = backfills.read(field, fields, type, report);
        field.backfill = field.widenedAnnotation != null ? backfill : null;
      }
    }
    AccessReader access = new AccessReader(context);
    access.readGetters(type, fields, report);
    Entity.Construction construction = access.readConstruction(type, fields, report);
    List<MigrationPlan> migrations =
        new MigrationPlanner(Entity.qualifiedTable(schema, table), fields, report).plan();
    if (report.hasErrors()) {
      return new Result(Optional.empty(), report.build());
    }
    boolean usesDeprecated = touched.stream().anyMatch(elements::isDeprecated);
    List<Property> properties = fields.stream().map(EntityReader::property).toList();
    Entity entity = new Entity(ClassName.get(type), table, properties, construction, migrations,
        usesDeprecated, schema, version);
    return new Result(Optional.of(entity), report.build());
  }

  private boolean checkShape(TypeElement type, ValidationReport.Builder report) {
    String name = type.getSimpleName().toString();
    String kind = switch (type.getKind()) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> type.getModifiers().contains(Modifier.ABSTRACT) ? "an abstract class" : null;
    };
    if (kind != null) {
      report.error(Message.ENTITY_KIND, type, name, kind);
      return false;
    }
    if (!visibility.isVisible(type, elements.getPackageOf(type))) {
      report.error(Message.ENTITY_PRIVATE, type, name);
    }
    if (type.getEnclosingElement() instanceof TypeElement
        && !type.getModifiers().contains(Modifier.STATIC)
        && type.getKind() == ElementKind.CLASS) {
      report.error(Message.ENTITY_INNER, type, name);
    }
    if (!type.getTypeParameters().isEmpty()) {
      report.error(Message.ENTITY_GENERIC, type, name);
    }
    if (elements.getTypeElement(RUNTIME_TABLE) == null) {
      report.error(Message.NO_RUNTIME, type, name);
    }
    return !report.hasErrors();
  }

  /**
   * The table's name: given by {@code @MigratedTable}, JPA's or Spring Data's {@code @Table}, else the
   * snake_case of the JPA entity name ({@code @Entity(name = ...)}), else of the class's simple name,
   * as Spring Boot's default naming strategy derives it.
   */
  private String tableName(TypeElement type, ValidationReport.Builder report) {
    SqlNames.Named named = SqlNames.nameOf(type, AnnotationNames.MIGRATED_TABLE,
            AnnotationNames.FOREIGN_TABLES_BY_NAME, AnnotationNames.SPRING_TABLE)
        .or(() -> SqlNames.named(type, AnnotationNames.ENTITIES, "name")
            .map(entity -> new SqlNames.Named(Names.snakeCase(Annotations.text(entity.value())),
                entity.annotation(), entity.value())))
        .orElse(new SqlNames.Named(Names.snakeCase(type.getSimpleName().toString()), null, null));
    if (!SqlNames.checkExact("table", named, type, report) && !Names.isPlainIdentifier(named.name())) {
      report.error(Message.TABLE_NAME, type, named.annotation(), named.value(), named.name(),
          Names.suggestIdentifier(named.name()));
    }
    return named.name();
  }

  /**
   * The table's schema: given by {@code @MigratedTable}, JPA's or Spring Data's {@code @Table}. A JPA
   * catalog (another database) is refused: the migrations reach only the connected database.
   */
  private Optional<String> schemaName(TypeElement type, ValidationReport.Builder report) {
    Annotations.findAny(type, AnnotationNames.FOREIGN_TABLES_BY_NAME).ifPresent(table ->
        Annotations.explicitText(table, "catalog").ifPresent(catalog ->
            report.error(Message.CATALOG, type, table, catalog, Annotations.text(catalog))));
    Optional<SqlNames.Named> named = SqlNames.nameOf(type, AnnotationNames.MIGRATED_TABLE, "schema",
        AnnotationNames.FOREIGN_TABLES_BY_NAME, "schema", AnnotationNames.SPRING_TABLE);
    named.ifPresent(schema -> {
      if (!SqlNames.checkExact("schema", schema, type, report)
          && !Names.isPlainIdentifier(schema.name())) {
        report.error(Message.SCHEMA_NAME, type, schema.annotation(), schema.value(), schema.name(),
            Names.suggestIdentifier(schema.name()));
      }
    });
    return named.map(SqlNames.Named::name);
  }

  private List<FieldDraft> readFields(
      TypeElement type, ReadContext context, ValidationReport.Builder report) {
    boolean isRecord = type.getKind() == ElementKind.RECORD;
    ColumnMappingReader columns = new ColumnMappingReader(context, type);
    List<FieldDraft> fields = new ArrayList<>();
    for (VariableElement element : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (element.getModifiers().contains(Modifier.STATIC)
          || (!isRecord && isTransient(element))) {
        continue;
      }
      FieldDraft field = new FieldDraft(element);
      field.idAnnotation = Annotations.find(element, AnnotationNames.ID)
          .or(() -> Annotations.findAny(element, AnnotationNames.FOREIGN_IDS))
          .orElse(null);
      field.widenedAnnotation = Annotations.find(element, AnnotationNames.WIDENED).orElse(null);
      field.backfillAnnotation = Annotations.find(element, AnnotationNames.BACKFILL).orElse(null);
      field.deprecatedAnnotation = Annotations.find(element, AnnotationNames.DEPRECATED).orElse(null);
      if (field.deprecatedAnnotation != null) {
        field.deprecation = Annotations.flag(field.deprecatedAnnotation, "forRemoval")
            ? Property.Deprecation.FOR_REMOVAL
            : Property.Deprecation.DEPRECATED;
      }
      columns.read(field, report);
      context.touched().add(element);
      fields.add(field);
    }
    return fields;
  }

  private static boolean isTransient(VariableElement field) {
    return field.getModifiers().contains(Modifier.TRANSIENT)
        || Annotations.findAny(field, AnnotationNames.TRANSIENTS).isPresent();
  }

  private void checkIds(TypeElement type, List<FieldDraft> fields, ValidationReport.Builder report) {
    List<FieldDraft> ids = fields.stream().filter(FieldDraft::isId).toList();
    if (ids.isEmpty()) {
      report.error(Message.NO_ID, type, type.getSimpleName());
      return;
    }
    for (FieldDraft extra : ids.subList(1, ids.size())) {
      report.error(Message.TWO_IDS, extra.element, extra.idAnnotation, null, type.getSimpleName(),
          ids.get(0).name, extra.name);
    }
    FieldDraft id = ids.get(0);
    if (id.valueType != null && id.valueType.isJson()) {
      report.error(Message.ID_TYPE, id.element, id.name, TypeNames.describe(id.type));
    }
    for (FieldDraft field : ids) {
      if (field.deprecation == Property.Deprecation.FOR_REMOVAL) {
        report.error(Message.CLEAR_ID, field.element, field.deprecatedAnnotation, null, field.name);
      }
    }
  }

  private void checkUniqueNames(
      TypeElement type, List<FieldDraft> fields, ValidationReport.Builder report) {
    Map<String, FieldDraft> columns = new HashMap<>();
    Map<String, FieldDraft> constants = new HashMap<>();
    String table = String.join("_", ClassName.get(type).simpleNames()) + "Table";
    for (FieldDraft field : fields) {
      FieldDraft sameColumn = columns.putIfAbsent(Names.key(field.column), field);
      if (sameColumn != null) {
        report.error(Message.DUPLICATE_COLUMN, field.element, field.columnAnnotation, field.columnValue,
            sameColumn.name, field.name, field.column);
      }
      String constant = Names.constantName(field.name);
      if (constant.equals("TABLE")) {
        report.error(Message.RESERVED_CONSTANT, field.element, field.name, table, field.column);
        continue;
      }
      FieldDraft sameConstant = constants.putIfAbsent(constant, field);
      if (sameConstant != null) {
        report.error(Message.DUPLICATE_CONSTANT, field.element, sameConstant.name, field.name, table,
            constant);
      }
    }
  }

  private void checkMarkers(List<FieldDraft> fields, ValidationReport.Builder report) {
    for (FieldDraft field : fields) {
      if (field.widenedAnnotation != null && field.isPrimitive()) {
        report.error(Message.WIDENED_PRIMITIVE, field.element, field.widenedAnnotation, null,
            field.name, field.type, boxedName(field));
      }
      if (field.widenedAnnotation != null && field.backfillAnnotation == null) {
        report.error(Message.WIDENED_WITHOUT_BACKFILL, field.element, field.widenedAnnotation, null,
            field.name);
      }
      if (field.backfillAnnotation != null && field.widenedAnnotation == null) {
        report.error(Message.BACKFILL_NOT_WIDENED, field.element, field.backfillAnnotation, null,
            field.name);
      }
      if (field.deprecation == Property.Deprecation.FOR_REMOVAL && field.isPrimitive()) {
        report.error(Message.CLEAR_PRIMITIVE, field.element, field.deprecatedAnnotation, null,
            field.name, field.type, boxedName(field));
      }
    }
  }

  private String boxedName(FieldDraft field) {
    return types.boxedClass((PrimitiveType) field.type).getSimpleName().toString();
  }

  private static Property property(FieldDraft field) {
    return new Property(
        field.name,
        field.column,
        Names.constantName(field.name),
        TypeName.get(field.type),
        field.valueType,
        field.isId(),
        field.widenedAnnotation != null,
        field.deprecation,
        Optional.ofNullable(field.backfill).map(BackfillDraft::backfill),
        field.getter,
        Optional.ofNullable(field.setter));
  }
}
