package dev.godwit.processor.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.godwit.processor.model.Entity;
import dev.godwit.processor.model.Member;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
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
  private final Function<String, Map<String, BaselineBackfill>> baseline;

  /**
   * A reader without a baseline: a field's backfill is only what its {@code @Backfill} says.
   *
   * @param elements the compiler's elements
   * @param types the compiler's types
   */
  public EntityReader(Elements elements, Types types) {
    this(elements, types, table -> Map.of());
  }

  /**
   * A reader that remembers the backfills of the last deploy: a plain field that the baseline records
   * as widened or narrowed with a backfill stays narrowed, filled by that backfill, while what the
   * backfill reads is still in the entity (see {@link BackfillReader#remembered}).
   *
   * @param elements the compiler's elements
   * @param types the compiler's types
   * @param baseline for a schema-qualified table name ({@code billing.teams}), its baseline's
   *     backfills by field name; empty when there is no baseline
   */
  public EntityReader(
      Elements elements, Types types, Function<String, Map<String, BaselineBackfill>> baseline) {
    this.elements = elements;
    this.types = types;
    this.visibility = new Visibility(elements);
    this.baseline = baseline;
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
    HierarchyReader hierarchy = new HierarchyReader();
    List<TypeElement> classes = hierarchy.mappedClasses(type, report);
    if (classes.isEmpty()) {
      return new Result(Optional.empty(), report.build());
    }
    boolean propertyAccess = hierarchy.checkFieldAccess(classes, report);
    String table = tableName(type, report);
    Optional<String> schema = schemaName(type, report);
    List<FieldDraft> fields = readFields(type, classes, context, report);
    applyInheritedOverrides(classes, fields, report);
    ColumnSchemaReader.read(fields, Annotations.findAny(type, AnnotationNames.ENTITIES).isPresent());
    List<FieldDraft> columns = fields.stream().flatMap(field -> field.columns().stream()).toList();
    Optional<String> version = ColumnMappingReader.version(type, columns, report);
    checkIds(type, columns, propertyAccess, report);
    checkUniqueNames(type, columns, report);
    checkMarkers(fields, report);
    BackfillReader backfills = new BackfillReader(context);
    for (FieldDraft field : fields) {
      if (field.backfillAnnotation != null && field.kind == FieldDraft.Kind.VALUE) {
        // Kept without @Widened too: the narrowed field's backfill is still what verifies it filled.
        field.backfill = backfills.read(field, fields, type, report);
      }
    }
    Map<String, BaselineBackfill> remembered = baseline.apply(Entity.qualifiedTable(schema, table));
    for (FieldDraft field : fields) {
      BaselineBackfill before = remembered.get(field.name);
      if (before != null && field.kind == FieldDraft.Kind.VALUE && field.backfillAnnotation == null
          && field.widenedAnnotation == null && !field.isDeprecated() && !field.isId()) {
        field.backfill = backfills.remembered(field, fields, type, before, report);
      }
    }
    AccessReader access = new AccessReader(context);
    PackageElement from = elements.getPackageOf(type);
    access.readGetters(type, from, fields, report);
    Entity.Construction construction = access.readConstruction(type, from, fields, report);
    List<String> removed = removedColumns(type, columns, report);
    List<MigrationPlan> migrations =
        new MigrationPlanner(Entity.qualifiedTable(schema, table), fields, report).plan();
    if (report.hasErrors()) {
      return new Result(Optional.empty(), report.build());
    }
    boolean usesDeprecated = touched.stream().anyMatch(elements::isDeprecated);
    List<Member> members = fields.stream().map(EntityReader::member).toList();
    Entity entity = new Entity(ClassName.get(type), table, members, construction, migrations,
        usesDeprecated, schema, version, removed);
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
            .map(entity -> new SqlNames.Named(Names.physicalName(Annotations.text(entity.value())),
                entity.annotation(), entity.value())))
        .orElse(new SqlNames.Named(Names.physicalName(type.getSimpleName().toString()), null, null));
    if (!SqlNames.checkExact("table", named, type, report) && !Names.isPlainIdentifier(named.name())) {
      report.error(Message.TABLE_NAME, type, named.annotation(), named.value(), named.name(),
          Names.suggestIdentifier(named.name()));
    }
    return named.name();
  }

  /** The column name a field's own {@code @Column} gives, if it names one. */
  static Optional<SqlNames.Named> columnNameOf(Element field) {
    return SqlNames.nameOf(field, AnnotationNames.COLUMN, AnnotationNames.FOREIGN_COLUMNS_BY_NAME,
        AnnotationNames.SPRING_COLUMN);
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

  /**
   * The persistent fields of the entity's classes ({@code @MappedSuperclass} ancestors root first, then
   * the entity), in declaration order, no-column ones (collections, inverse sides) included as such.
   */
  private List<FieldDraft> readFields(
      TypeElement type, List<TypeElement> classes, ReadContext context, ValidationReport.Builder report) {
    boolean isRecord = type.getKind() == ElementKind.RECORD;
    ColumnMappingReader mappings = new ColumnMappingReader(context, type);
    MemberReader members = new MemberReader(context, mappings);
    PackageElement from = elements.getPackageOf(type);
    DeclaredType owner = (DeclaredType) type.asType();
    List<FieldDraft> fields = new ArrayList<>();
    for (TypeElement declaring : classes) {
      for (VariableElement element : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
        if (element.getModifiers().contains(Modifier.STATIC)
            || (!isRecord && isTransient(element))) {
          continue;
        }
        String name = element.getSimpleName().toString();
        FieldDraft field = new FieldDraft(element, name, types.asMemberOf(owner, element));
        readMarkers(field);
        Optional<MemberReader.NotAColumn> notAColumn = MemberReader.notAColumn(element);
        if (notAColumn.isPresent()) {
          MemberReader.refuseMarkers(field, (marker, shown) -> report.error(Message.NOT_A_COLUMN_MARKER,
              element, marker, null, shown, name, name, notAColumn.get().description(), shown));
          field.kind = FieldDraft.Kind.UNMAPPED;
          field.unmappedDescription = notAColumn.get().description();
        } else if (MemberReader.isAggregateReference(field.type)) {
          MemberReader.refuseMarkers(field, (marker, shown) -> report.error(Message.RELATION_MARKER,
              element, marker, null, shown, name, shown));
          members.aggregateReference(field, from, report);
        } else if (MemberReader.toOne(element).isPresent()) {
          MemberReader.refuseMarkers(field, (marker, shown) -> report.error(Message.RELATION_MARKER,
              element, marker, null, shown, name, shown));
          members.reference(field, from, report);
        } else if (MemberReader.isEmbedded(element, field.type)) {
          MemberReader.refuseMarkers(field, (marker, shown) -> report.error(Message.EMBEDDED_MARKER,
              element, marker, null, shown, name, shown));
          members.embedded(field, from, report);
        } else {
          mappings.read(field, report);
        }
        context.touched().add(element);
        fields.add(field);
      }
    }
    return fields;
  }

  /**
   * Renames the columns of inherited fields as {@code @AttributeOverride} and
   * {@code @AssociationOverride} on a subclass say (JPA 3.1 §11.1.4 and §11.1.2): each applies to the
   * fields of the classes above the one carrying it, the override nearest the entity winning; a dotted
   * name ({@code address.city}) renames a component of an inherited embeddable.
   */
  private static void applyInheritedOverrides(
      List<TypeElement> classes, List<FieldDraft> fields, ValidationReport.Builder report) {
    TypeElement entity = classes.get(classes.size() - 1);
    for (int level = 1; level < classes.size(); level++) {
      TypeElement carrier = classes.get(level);
      Set<Element> above = new LinkedHashSet<>();
      for (TypeElement ancestor : classes.subList(0, level)) {
        above.addAll(ElementFilter.fieldsIn(ancestor.getEnclosedElements()));
      }
      List<FieldDraft> inherited = fields.stream().filter(field -> above.contains(field.element)).toList();
      MemberReader.attributeOverrides(carrier).forEach((name, column) -> {
        List<FieldDraft> candidates = new ArrayList<>();
        for (FieldDraft field : inherited) {
          if (field.kind == FieldDraft.Kind.VALUE) {
            candidates.add(field);
          }
          for (FieldDraft component : field.components) {
            candidates.add(component);
          }
        }
        Optional<FieldDraft> target = candidates.stream()
            .filter(candidate -> overrideName(candidate, inherited).equals(name))
            .findFirst();
        if (target.isEmpty()) {
          report.error(Message.INHERITED_OVERRIDE_UNKNOWN, carrier, column.annotation(), null,
              "AttributeOverride", name, carrier.getSimpleName(), "field", entity.getSimpleName(),
              candidates.stream().map(candidate -> overrideName(candidate, inherited))
                  .collect(Collectors.joining(", ")));
        } else {
          rename(target.get(), column, report);
        }
      });
      MemberReader.associationOverrides(carrier).forEach((name, column) -> {
        List<FieldDraft> relations = inherited.stream()
            .filter(field -> field.kind == FieldDraft.Kind.REFERENCE)
            .toList();
        Optional<FieldDraft> target = relations.stream().filter(field -> field.name.equals(name)).findFirst();
        if (target.isEmpty()) {
          report.error(Message.INHERITED_OVERRIDE_UNKNOWN, carrier, column.annotation(), null,
              "AssociationOverride", name, carrier.getSimpleName(), "relation", entity.getSimpleName(),
              relations.stream().map(field -> field.name).collect(Collectors.joining(", ")));
        } else {
          rename(target.get(), column, report);
        }
      });
    }
  }

  /** How an override names a field: {@code firstName}, or {@code address.city} for a component. */
  private static String overrideName(FieldDraft field, List<FieldDraft> inherited) {
    for (FieldDraft owner : inherited) {
      if (owner.components.contains(field)) {
        return owner.fieldName + "." + field.fieldName;
      }
    }
    return field.fieldName;
  }

  private static void rename(FieldDraft field, SqlNames.Named column, ValidationReport.Builder report) {
    field.column = column.name();
    field.columnAnnotation = column.annotation();
    field.columnValue = column.value();
    field.overrideColumn = MemberReader.overriddenColumn(column.annotation());
    MemberReader.checkColumnName(field, report);
  }

  private static void readMarkers(FieldDraft field) {
    VariableElement element = field.element;
    field.idAnnotation = Annotations.find(element, AnnotationNames.ID)
        .or(() -> Annotations.findAny(element, AnnotationNames.FOREIGN_IDS))
        .or(() -> Annotations.findAny(element, AnnotationNames.EMBEDDED_IDS))
        .orElse(null);
    field.widenedAnnotation = Annotations.find(element, AnnotationNames.WIDENED).orElse(null);
    field.backfillAnnotation = Annotations.find(element, AnnotationNames.BACKFILL).orElse(null);
    field.deprecatedAnnotation = Annotations.find(element, AnnotationNames.DEPRECATED).orElse(null);
    if (field.deprecatedAnnotation != null) {
      field.deprecation = Annotations.flag(field.deprecatedAnnotation, "forRemoval")
          ? Property.Deprecation.FOR_REMOVAL
          : Property.Deprecation.DEPRECATED;
    }
  }

  static boolean isTransient(VariableElement field) {
    return field.getModifiers().contains(Modifier.TRANSIENT)
        || Annotations.findAny(field, AnnotationNames.TRANSIENTS).isPresent();
  }

  /**
   * Every key column gets the same checks; several make a composite key, in field order. With JPA
   * property access reported, a missing field {@code @Id} is not reported again.
   */
  private void checkIds(
      TypeElement type, List<FieldDraft> columns, boolean propertyAccess, ValidationReport.Builder report) {
    List<FieldDraft> ids = columns.stream().filter(FieldDraft::isId).toList();
    if (ids.isEmpty() && !propertyAccess) {
      report.error(Message.NO_ID, type, type.getSimpleName());
    }
    for (FieldDraft id : ids) {
      if (id.valueType != null && id.valueType.isJson()) {
        report.error(Message.ID_TYPE, id.element, id.name, TypeNames.describe(id.type));
      }
      if (id.deprecation == Property.Deprecation.FOR_REMOVAL) {
        report.error(Message.CLEAR_ID, id.element, id.deprecatedAnnotation, null, id.name);
      }
    }
  }

  private void checkUniqueNames(
      TypeElement type, List<FieldDraft> fields, ValidationReport.Builder report) {
    Map<String, FieldDraft> columns = new HashMap<>();
    Map<String, FieldDraft> constants = new HashMap<>();
    String table = String.join("_", ClassName.get(type).simpleNames()) + "Table";
    for (FieldDraft field : fields) {
      if (field.column == null) {
        // A relation refused before its column was known.
        continue;
      }
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
      if (field.kind != FieldDraft.Kind.VALUE) {
        continue;
      }
      if (field.widenedAnnotation != null && field.isPrimitive()) {
        report.error(Message.WIDENED_PRIMITIVE, field.element, field.widenedAnnotation, null,
            field.name, field.type, boxedName(field));
      }
      if (field.widenedAnnotation != null && field.backfillAnnotation == null) {
        report.error(Message.WIDENED_WITHOUT_BACKFILL, field.element, field.widenedAnnotation, null,
            field.name);
      }
      if (field.widenedAnnotation != null && field.notNullAnnotation != null) {
        report.error(Message.WIDENED_NOT_NULL, field.element, field.notNullAnnotation, null,
            field.name, "@" + field.notNullAnnotation.getAnnotationType().asElement().getSimpleName());
      }
      if (field.deprecation == Property.Deprecation.FOR_REMOVAL && !field.isId()
          && field.notNullAnnotation != null) {
        report.error(Message.RETIRING_NOT_NULL, field.element, field.notNullAnnotation, null,
            field.name, "@" + field.notNullAnnotation.getAnnotationType().asElement().getSimpleName());
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

  private static Member member(FieldDraft field) {
    return switch (field.kind) {
      case VALUE -> new Member.Value(property(field, TypeName.get(field.type)));
      case REFERENCE -> new Member.Reference(property(field, field.valueType.javaType()), field.target,
          field.targetIdGetter, field.targetIdSetter);
      case UNMAPPED -> new Member.Unmapped(field.name, field.unmappedDescription);
      case AGGREGATE_REFERENCE -> new Member.AggregateReference(
          property(field, field.valueType.javaType()), TypeName.get(field.type));
      case EMBEDDED -> new Member.Embedded(field.name, field.embeddable, field.getter,
          Optional.ofNullable(field.setter), field.embeddableConstruction, field.emptyWhenNull,
          field.components.stream()
              .map(component -> property(component, component.valueType.javaType()))
              .toList());
    };
  }

  private static Property property(FieldDraft field, TypeName declaredType) {
    return new Property(
        field.name,
        field.column,
        Names.constantName(field.name),
        declaredType,
        field.valueType,
        field.isId(),
        field.widenedAnnotation != null,
        field.deprecation,
        Optional.ofNullable(field.backfill).map(BackfillDraft::backfill),
        field.getter,
        Optional.ofNullable(field.setter),
        field.required,
        field.size);
  }

  /**
   * The columns {@code @MigratedTable(removed = ...)} declares removed: each a valid SQL name, written
   * like the table's, that no field maps any more.
   */
  private static List<String> removedColumns(
      TypeElement type, List<FieldDraft> columns, ValidationReport.Builder report) {
    Optional<AnnotationMirror> migratedTable = Annotations.find(type, AnnotationNames.MIGRATED_TABLE);
    Optional<AnnotationValue> declared =
        migratedTable.flatMap(table -> Annotations.explicit(table, "removed"));
    if (declared.isEmpty()) {
      return List.of();
    }
    List<String> removed = new ArrayList<>();
    for (Object item : (List<?>) declared.get().getValue()) {
      AnnotationValue value = (AnnotationValue) item;
      SqlNames.Named named = new SqlNames.Named(SqlNames.exactForm(Annotations.text(value)),
          migratedTable.get(), value);
      if (!SqlNames.checkExact("removed column", named, type, report)
          && !Names.isPlainIdentifier(named.name())) {
        report.error(Message.REMOVED_NAME, type, named.annotation(), value, named.name(),
            Names.suggestIdentifier(named.name()));
        continue;
      }
      Optional<FieldDraft> mapping = columns.stream()
          .filter(column -> column.column != null && Names.key(column.column).equals(Names.key(named.name())))
          .findFirst();
      if (mapping.isPresent()) {
        report.error(Message.REMOVED_STILL_MAPPED, type, named.annotation(), value, Names.text(named.name()),
            mapping.get().name, mapping.get().name);
        continue;
      }
      removed.add(named.name());
    }
    return removed;
  }
}
