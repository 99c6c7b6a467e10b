package dev.godwit.processor.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.godwit.processor.model.Names;
import dev.godwit.processor.model.ScalarKind;
import dev.godwit.processor.model.ValueType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Reads how one field maps to its column, as the application's framework maps it: the column's name,
 * how values are stored, and whether it is the optimistic-lock version.
 *
 * <ul>
 *   <li>An enum follows JPA's {@code @Enumerated}: {@code EnumType.STRING} stores the constant's name,
 *       {@code EnumType.ORDINAL} its ordinal. Without {@code @Enumerated}, an enum of a JPA
 *       {@code @Entity} is stored by ordinal, JPA's default (Jakarta Persistence 3.1, section
 *       11.1.18); Godwit's own and Spring Data's entities store names. Enums inside JSON values are
 *       always stored by name.
 *   <li>{@code @Convert(converter = X.class)} stores values through the application's
 *       {@code AttributeConverter}, which generated code creates once and calls in both directions. A
 *       converter marked {@code @Converter(autoApply = true)} is applied only where {@code @Convert}
 *       names it: the processor cannot see which converters the persistence unit registers.
 *   <li>JPA's and Spring Data's {@code @Version} mark the version column, incremented by every row
 *       Godwit writes.
 * </ul>
 *
 * <p>Used for every mapped field of an entity, and for every component of an embedded value.
 */
final class ColumnMappingReader {

  private final Types types;
  private final Visibility visibility;
  private final Set<Element> touched;
  private final ValueTypeReader valueTypes;
  private final PackageElement from;
  private final boolean jpaDefaults;

  /**
   * A reader for the fields of one entity.
   *
   * @param context the entity's read context
   * @param entity the entity: its package is where generated code lives, and JPA's defaults apply to
   *     its fields when it is a JPA {@code @Entity}
   */
  ColumnMappingReader(ReadContext context, TypeElement entity) {
    this.types = context.types();
    this.visibility = context.visibility();
    this.touched = context.touched();
    this.valueTypes = new ValueTypeReader(context);
    this.from = context.elements().getPackageOf(entity);
    this.jpaDefaults = Annotations.findAny(entity, AnnotationNames.ENTITIES).isPresent();
  }

  /**
   * Reads a field's column name, its value type and its version marker into its draft, reporting what
   * is wrong with them. Its id and Godwit markers must be read already.
   */
  void read(FieldDraft field, ValidationReport.Builder report) {
    SqlNames.Named column = columnName(field.element, field.name, report);
    field.column = column.name();
    field.columnAnnotation = column.annotation();
    field.columnValue = column.value();
    field.versionAnnotation = Annotations.findAny(field.element, AnnotationNames.VERSIONS).orElse(null);
    String role = field.isId() ? "the primary key" : field.versionAnnotation != null ? "the version" : null;
    field.valueType = valueType(field.element, field.type, field.name, role, report);
    if (field.versionAnnotation != null) {
      checkVersion(field, report);
    }
  }

  /**
   * The column a field maps to: named by Godwit's, JPA's or Spring Data's {@code @Column}, else the
   * snake_case of the field's name (as Spring Boot's default naming strategy derives it).
   */
  SqlNames.Named columnName(Element field, String fieldName, ValidationReport.Builder report) {
    SqlNames.Named column = SqlNames.nameOf(field, AnnotationNames.COLUMN,
            AnnotationNames.FOREIGN_COLUMNS_BY_NAME, AnnotationNames.SPRING_COLUMN)
        .orElse(new SqlNames.Named(Names.physicalName(fieldName), null, null));
    if (!SqlNames.checkExact("column", column, field, report) && !Names.isPlainIdentifier(column.name())) {
      report.error(Message.COLUMN_NAME, field, column.annotation(), column.value(), column.name(),
          fieldName, Names.suggestIdentifier(column.name()));
    }
    Annotations.findAny(field, AnnotationNames.FOREIGN_COLUMNS_BY_NAME).ifPresent(jpaColumn ->
        Annotations.explicitText(jpaColumn, "table").ifPresent(table ->
            report.error(Message.SECONDARY_TABLE, field, jpaColumn, table, fieldName,
                Annotations.text(table), table(field))));
    return column;
  }

  /**
   * Refuses JPA's {@code @Convert} on an embedded field: it would convert one component, named by its
   * {@code attributeName}, and Godwit reads a component's converter from the component's own field.
   */
  void refuseConvertOnEmbedded(
      FieldDraft field, String embeddableName, ValidationReport.Builder report) {
    Annotations.findAny(field.element, AnnotationNames.CONVERTS).ifPresent(convert ->
        report.error(Message.CONVERT_ON_EMBEDDED, field.element, convert, null, field.name,
            embeddableName));
  }

  /** The table of the entity declaring a field, as messages name it. */
  private static String table(Element field) {
    return "the table of " + field.getEnclosingElement().getSimpleName();
  }

  /**
   * How the values of a field (or embedded component) are stored, or {@code null} after reporting why
   * they cannot be.
   *
   * @param field the field, which carries the mapping annotations and where errors are reported
   * @param type its type, as a member of the entity
   * @param fieldName its name in messages
   * @param role what makes a converter illegal on it ({@code "the primary key"}), or {@code null}
   */
  ValueType valueType(
      Element field, TypeMirror type, String fieldName, String role, ValidationReport.Builder report) {
    Optional<AnnotationMirror> convert = Annotations.findAny(field, AnnotationNames.CONVERTS);
    Optional<AnnotationMirror> enumerated = Annotations.findAny(field, AnnotationNames.ENUMERATED);
    if (convert.isPresent() && !Annotations.flag(convert.get(), "disableConversion")) {
      Optional<AnnotationValue> attribute = Annotations.explicitText(convert.get(), "attributeName");
      if (attribute.isPresent()) {
        report.error(Message.CONVERT_ATTRIBUTE_NAME, field, convert.get(), attribute.get(), fieldName,
            Annotations.text(attribute.get()));
        return null;
      }
      String refusal = role != null ? role : enumerated.isPresent() ? "annotated @Enumerated" : null;
      if (refusal != null) {
        report.error(Message.CONVERT_NOT_ALLOWED, field, convert.get(), null, fieldName, refusal);
        return null;
      }
      return converted(field, type, fieldName, convert.get(), report);
    }
    ValueTypeReader.Reading reading = valueTypes.read(type, from);
    if (reading.hidden() != null) {
      report.error(Message.TYPE_NOT_ACCESSIBLE, field, fieldName, TypeNames.describe(type),
          reading.hidden().getSimpleName(), from.getQualifiedName());
      return null;
    }
    if (reading.type() == null) {
      report.error(Message.UNSUPPORTED_TYPE, field, fieldName, TypeNames.describe(type),
          reading.unsupportedPart());
      return null;
    }
    if (reading.type() instanceof ValueType.EnumValue enumValue) {
      return enumValue.storedAs(enumerated.map(ColumnMappingReader::enumStorage)
          .orElse(jpaDefaults ? ValueType.EnumStorage.ORDINAL : ValueType.EnumStorage.NAME));
    }
    return reading.type();
  }

  /** {@code @Enumerated}'s value: {@code EnumType.ORDINAL} unless it says {@code STRING}. */
  private static ValueType.EnumStorage enumStorage(AnnotationMirror enumerated) {
    return Annotations.explicit(enumerated, "value")
        .map(value -> value.getValue() instanceof Element constant
            && constant.getSimpleName().contentEquals("STRING"))
        .orElse(false)
        ? ValueType.EnumStorage.NAME
        : ValueType.EnumStorage.ORDINAL;
  }

  private ValueType converted(
      Element field, TypeMirror type, String fieldName, AnnotationMirror convert,
      ValidationReport.Builder report) {
    Optional<AnnotationValue> converterValue = Annotations.explicit(convert, "converter");
    if (converterValue.isEmpty()
        || !(converterValue.get().getValue() instanceof DeclaredType converterType)
        || converterType.asElement().getKind() != ElementKind.CLASS
            && converterType.asElement().getKind() != ElementKind.INTERFACE) {
      report.error(Message.CONVERT_NO_CONVERTER, field, convert, null, fieldName);
      return null;
    }
    AnnotationValue site = converterValue.get();
    TypeElement converter = (TypeElement) converterType.asElement();
    TypeMirror attribute = boxed(type);
    String converterName = converter.getSimpleName().toString();
    List<? extends TypeMirror> arguments = converterArguments(converterType);
    if (arguments.size() != 2) {
      report.error(Message.CONVERTER_NOT_CONVERTER, field, convert, site, converterName, fieldName,
          TypeNames.describe(attribute));
      return null;
    }
    if (!types.isSameType(arguments.get(0), attribute)) {
      report.error(Message.CONVERTER_ATTRIBUTE_TYPE, field, convert, site, converterName,
          TypeNames.describe(arguments.get(0)), fieldName, TypeNames.describe(type),
          TypeNames.describe(attribute));
      return null;
    }
    TypeMirror storedType = arguments.get(1);
    ScalarKind stored = storedType.getKind() == TypeKind.DECLARED
        ? ScalarKind.forQualifiedName(
            ((TypeElement) ((DeclaredType) storedType).asElement()).getQualifiedName().toString())
        : null;
    if (stored == null) {
      report.error(Message.CONVERTER_STORED_TYPE, field, convert, site, converterName, fieldName,
          TypeNames.describe(storedType));
      return null;
    }
    String notCreatable = whyNotCreatable(converter, from);
    if (notCreatable != null) {
      report.error(Message.CONVERTER_CLASS, field, convert, site, converterName, fieldName,
          from.getQualifiedName(), notCreatable);
      return null;
    }
    TypeMirror raw = types.erasure(attribute);
    TypeElement rawElement = (TypeElement) types.asElement(raw);
    if (rawElement != null && !visibility.isVisible(rawElement, from)) {
      report.error(Message.TYPE_NOT_ACCESSIBLE, field, fieldName, TypeNames.describe(type),
          rawElement.getSimpleName(), from.getQualifiedName());
      return null;
    }
    touched.add(converter);
    // The field's own storage only gives a constant its text form; the converter decides the column.
    ValueType text = valueTypes.read(type, from).type();
    return new ValueType.Converted(TypeName.get(attribute), TypeName.get(raw), ClassName.get(converter),
        stored, Optional.ofNullable(text).filter(value -> !value.isJson()));
  }

  /**
   * The type arguments of the {@code AttributeConverter} a converter implements, directly or through
   * its superclasses and interfaces, as seen from the converter; empty if it implements none, or a raw
   * one.
   */
  private List<? extends TypeMirror> converterArguments(TypeMirror type) {
    for (TypeMirror supertype : types.directSupertypes(type)) {
      if (!(supertype instanceof DeclaredType declared)) {
        continue;
      }
      TypeElement element = (TypeElement) declared.asElement();
      if (AnnotationNames.ATTRIBUTE_CONVERTERS.contains(element.getQualifiedName().toString())) {
        return declared.getTypeArguments();
      }
      List<? extends TypeMirror> found = converterArguments(supertype);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  /**
   * Why generated code in the entity's package cannot write {@code new X()}, as the fix to make, or
   * {@code null} when it can.
   */
  private String whyNotCreatable(TypeElement converter, PackageElement from) {
    if (converter.getKind() != ElementKind.CLASS) {
      return "it is not a class; make it one";
    }
    if (converter.getModifiers().contains(Modifier.ABSTRACT)) {
      return "it is abstract; name a concrete converter";
    }
    if (converter.getEnclosingElement() instanceof TypeElement
        && !converter.getModifiers().contains(Modifier.STATIC)) {
      return "it is an inner class; make it static";
    }
    if (!converter.getTypeParameters().isEmpty()) {
      return "it has type parameters; name a converter without them";
    }
    if (!visibility.isVisible(converter, from)) {
      return "it is not visible from that package; make it public";
    }
    for (ExecutableElement constructor : ElementFilter.constructorsIn(converter.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty()) {
        return visibility.isVisibleMember(constructor, from) ? null
            : "its no-argument constructor is not visible from that package; make it public";
      }
    }
    return "it has no no-argument constructor; add one";
  }

  /** A version field is a counter the runtime increments, which no migration may write. */
  private void checkVersion(FieldDraft field, ValidationReport.Builder report) {
    AnnotationMirror version = field.versionAnnotation;
    String type = field.type.getKind().isPrimitive()
        ? field.type.toString()
        : field.type.getKind() == TypeKind.DECLARED
            ? ((TypeElement) ((DeclaredType) field.type).asElement()).getQualifiedName().toString()
            : "";
    if (!List.of("int", "long", "java.lang.Integer", "java.lang.Long").contains(type)) {
      report.error(Message.VERSION_TYPE, field.element, version, null, field.name,
          TypeNames.describe(field.type));
    }
    List<Marker> markers = List.of(
        new Marker(field.idAnnotation, "the primary key", "@Id"),
        new Marker(field.widenedAnnotation, "@Widened", "@Widened"),
        new Marker(field.backfillAnnotation, "backfilled", "@Backfill"),
        new Marker(field.deprecatedAnnotation, "@Deprecated", "@Deprecated or @Version"));
    for (Marker marker : markers) {
      if (marker.annotation() != null) {
        report.error(Message.VERSION_MARKER, field.element, marker.annotation(), null, field.name,
            marker.role(), marker.remove());
      }
    }
  }

  /** A marker a version field cannot carry, what it would make the field, and what to remove. */
  private record Marker(AnnotationMirror annotation, String role, String remove) {}

  /**
   * The version field of an entity, reporting a second one.
   *
   * @return the version field's name, or empty
   */
  static Optional<String> version(
      TypeElement entity, List<FieldDraft> fields, ValidationReport.Builder report) {
    List<FieldDraft> versions = fields.stream().filter(field -> field.versionAnnotation != null).toList();
    for (FieldDraft extra : versions.stream().skip(1).toList()) {
      report.error(Message.TWO_VERSIONS, extra.element, extra.versionAnnotation, null,
          entity.getSimpleName(), versions.get(0).name, extra.name);
    }
    return versions.stream().findFirst().map(field -> field.name);
  }

  private TypeMirror boxed(TypeMirror type) {
    return type.getKind().isPrimitive()
        ? types.boxedClass(types.getPrimitiveType(type.getKind())).asType()
        : type;
  }
}
