package dev.godwit.processor.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.godwit.processor.model.Accessor;
import dev.godwit.processor.model.ColumnSize;
import dev.godwit.processor.model.Entity;
import dev.godwit.processor.model.Member;
import dev.godwit.processor.model.Names;
import dev.godwit.processor.model.Property;
import dev.godwit.processor.model.ValueType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XTable}: the JSON codecs of nested records, one instance of each converter a field is
 * stored through, one typed column constant per field, the {@code TABLE} descriptor, the {@code SCHEMA}
 * the code expects of the table, the row reader and value writer, and the typed patch builder.
 */
final class TableWriter {

  private static final ClassName AGGREGATE_REFERENCE =
      ClassName.get("org.springframework.data.jdbc.core.mapping", "AggregateReference");

  private TableWriter() {}

  static TypeSpec write(Entity entity, ClassShell shell) {
    TypeSpec.Builder type = shell.publicClass(entity.tableClass(), entity,
        "The {@code $L} table of {@link $T}: its columns, how its rows map to entities, and a typed\n"
            + "patch builder.\n$L",
        entity.table(), entity.type(), unmappedNote(entity));
    Map<ClassName, String> codecs = recordCodecNames(entity);
    codecs.forEach((record, name) -> type.addField(recordCodec(entity, record, name, codecs)));
    Map<String, String> converters = converterNames(entity, codecs);
    for (Property property : entity.properties()) {
      if (property.type() instanceof ValueType.Converted converted) {
        type.addField(converter(property, converted, converters.get(property.name())));
      }
    }
    for (Member member : entity.members()) {
      for (Property property : member.columns()) {
        type.addField(column(entity, member, property, codecs, converters.get(property.name())));
      }
    }
    type.addField(table(entity));
    type.addField(schema(entity));
    type.addMethod(ClassShell.noInstances());
    type.addMethod(MethodSpec.methodBuilder("patch")
        .addJavadoc("A patch that sets nothing yet; each of its methods sets one column.\n\n"
            + "@return a new, empty patch\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(entity.patchClass())
        .addStatement("return new $T()", entity.patchClass())
        .build());
    List<MethodSpec> readers = reader(entity);
    type.addMethod(readers.get(0));
    type.addMethod(writer(entity));
    readers.subList(1, readers.size()).forEach(type::addMethod);
    type.addType(patch(entity));
    return type.build();
  }

  /**
   * Which fields are no column, and so are never loaded into the entities read here, which backfill
   * methods receive; empty when every field is a column, so that such entities' tables read as before.
   */
  private static String unmappedNote(Entity entity) {
    List<String> unmapped = entity.members().stream()
        .filter(member -> member instanceof Member.Unmapped)
        .map(member -> "{@code " + member.name() + "} (" + ((Member.Unmapped) member).description() + ")")
        .toList();
    if (unmapped.isEmpty()) {
      return "";
    }
    return "\n<p>No column of this table: " + String.join(", ", unmapped) + ". Rows read here, and the\n"
        + "entities backfill methods receive, never load "
        + (unmapped.size() == 1 ? "it" : "them") + ": they hold what the entity's constructor gives.\n";
  }

  /** One codec constant per nested record, inner records first, named after the record. */
  private static Map<ClassName, String> recordCodecNames(Entity entity) {
    Set<String> taken = new HashSet<>();
    taken.add("TABLE");
    entity.properties().forEach(property -> taken.add(property.constant()));
    Map<ClassName, String> names = new LinkedHashMap<>();
    for (Property property : entity.properties()) {
      collectRecords(property.type(), names, taken);
    }
    return names;
  }

  /**
   * One converter constant per converted field, {@code <FIELD>_CONVERTER}, made unique against the
   * other constants of the table class.
   */
  private static Map<String, String> converterNames(Entity entity, Map<ClassName, String> codecs) {
    Set<String> taken = new HashSet<>(codecs.values());
    taken.add("TABLE");
    entity.properties().forEach(property -> taken.add(property.constant()));
    Map<String, String> names = new LinkedHashMap<>();
    for (Property property : entity.properties()) {
      if (property.type() instanceof ValueType.Converted) {
        String base = property.constant() + "_CONVERTER";
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
          name = base + "_" + i;
        }
        names.put(property.name(), name);
      }
    }
    return names;
  }

  private static FieldSpec converter(Property property, ValueType.Converted converted, String name) {
    return FieldSpec.builder(converted.converter(), name, Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("The application's converter of field {@code $L}, called in both directions.\n",
            property.name())
        .initializer("new $T()", converted.converter())
        .build();
  }

  private static void collectRecords(ValueType type, Map<ClassName, String> names, Set<String> taken) {
    if (type instanceof ValueType.ListValue list) {
      collectRecords(list.element(), names, taken);
    } else if (type instanceof ValueType.RecordValue record && !names.containsKey(record.type())) {
      record.components().forEach(component -> collectRecords(component.type(), names, taken));
      String base = String.join("_", record.type().simpleNames().stream()
          .map(Names::constantName).toList()) + "_JSON";
      String name = base;
      for (int i = 2; !taken.add(name); i++) {
        name = base + "_" + i;
      }
      names.put(record.type(), name);
    }
  }

  private static FieldSpec recordCodec(
      Entity entity, ClassName record, String name, Map<ClassName, String> codecs) {
    ValueType.RecordValue value = findRecord(entity, record);
    CodeBlock memberNames = value.components().stream()
        .map(component -> CodeBlock.of("$S", component.name()))
        .collect(CodeBlock.joining(", "));
    CodeBlock memberCodecs = value.components().stream()
        .map(component -> ValueCode.codec(component.type(), codecs))
        .collect(CodeBlock.joining(", "));
    CodeBlock components = value.components().stream()
        .map(component -> CodeBlock.of("value.$L()", component.name()))
        .collect(CodeBlock.joining(", "));
    List<CodeBlock> arguments = new ArrayList<>();
    for (int i = 0; i < value.components().size(); i++) {
      arguments.add(CodeBlock.of("($T) components[$L]", value.components().get(i).type().javaType(), i));
    }
    FieldSpec.Builder field = FieldSpec.builder(
            ParameterizedTypeName.get(RuntimeTypes.JSON_CODEC, record), name,
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.object(\n$>$>$T.class,\n$T.of($L),\n$T.of($L),\n"
                + "value -> new Object[] {$L},\ncomponents -> new $T($L))$<$<",
            RuntimeTypes.JSON_CODEC, record, List.class, memberNames, List.class, memberCodecs,
            components, record, CodeBlock.join(arguments, ",$W"));
    if (value.components().stream().anyMatch(component -> component.type() instanceof ValueType.ListValue)) {
      // Lists come back from JSON as List<?>; the codec of each component guarantees the element type.
      field.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "$S", "unchecked")
          .build());
    }
    return field.build();
  }

  private static ValueType.RecordValue findRecord(Entity entity, ClassName record) {
    for (Property property : entity.properties()) {
      ValueType.RecordValue found = findRecord(property.type(), record);
      if (found != null) {
        return found;
      }
    }
    throw new IllegalStateException("no record " + record + " in " + entity.type());
  }

  private static ValueType.RecordValue findRecord(ValueType type, ClassName record) {
    if (type instanceof ValueType.ListValue list) {
      return findRecord(list.element(), record);
    }
    if (type instanceof ValueType.RecordValue value) {
      if (value.type().equals(record)) {
        return value;
      }
      for (ValueType.Component component : value.components()) {
        ValueType.RecordValue found = findRecord(component.type(), record);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static FieldSpec column(
      Entity entity, Member member, Property property, Map<ClassName, String> codecs,
      String converter) {
    String role = !property.id() ? "" : entity.key().size() == 1 ? ", the primary key" : ", in the primary key";
    CodeBlock of = member instanceof Member.Reference reference
        ? CodeBlock.of("the id of the {@link $T} of field {@code $L}", reference.target(), member.name())
        : member instanceof Member.AggregateReference
            ? CodeBlock.of("the id of the aggregate field {@code $L} refers to", member.name())
        : member instanceof Member.Embedded
            ? CodeBlock.of("of a component of embedded field {@code $L}", member.name())
            : CodeBlock.of("of field {@code $L}", member.name());
    return FieldSpec.builder(
            ParameterizedTypeName.get(RuntimeTypes.COLUMN, entity.type(), property.type().javaType()),
            property.constant(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Column {@code $L}, $L$L.\n", property.column(), of, role)
        .initializer("$T.of($S,$W$L)", RuntimeTypes.COLUMN, property.column(),
            ValueCode.columnType(property.type(), codecs, converter))
        .build();
  }

  /**
   * {@code TABLE}: {@code Table.of} for a single key in the default schema without a version column;
   * the builder for a composite key, a schema or a version column.
   */
  private static FieldSpec table(Entity entity) {
    String columns = entity.properties().stream().map(Property::constant).collect(Collectors.joining(",$W"));
    FieldSpec.Builder field = FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.TABLE, entity.type()),
        "TABLE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
    boolean singleKey = entity.key().size() == 1;
    if (singleKey) {
      field.addJavadoc("The table, ordered by {@link #$L}.\n", entity.id().constant());
    } else {
      String order = entity.key().stream().map(property -> "{@link #" + property.constant() + "}")
          .collect(Collectors.joining(", then "));
      field.addJavadoc("The table, ordered by its composite key: $L.\n", order);
    }
    if (singleKey && entity.schema().isEmpty() && entity.version().isEmpty()) {
      return field
          .initializer("$T.of($S,$W$L,$W$T.of(" + columns + "),$W$T::read,$W$T::write)", RuntimeTypes.TABLE,
              entity.table(), entity.id().constant(), List.class, entity.tableClass(), entity.tableClass())
          .build();
    }
    String key = entity.key().stream().map(Property::constant).collect(Collectors.joining(",$W"));
    CodeBlock.Builder builder = CodeBlock.builder()
        .add("$T.<$T>builder($S)\n$>$>", RuntimeTypes.TABLE, entity.type(), entity.table());
    entity.schema().ifPresent(schema -> builder.add(".schema($S)\n", schema));
    builder.add(".key(" + key + ")\n")
        .add(".columns($T.of(" + columns + "))\n", List.class);
    entity.version().ifPresent(version ->
        builder.add(".version($L)\n", entity.property(version).constant()));
    builder.add(".reader($T::read)\n.writer($T::write)\n.build()$<$<", entity.tableClass(),
        entity.tableClass());
    return field.initializer(builder.build()).build();
  }

  /**
   * {@code SCHEMA}: one call per column in column order, naming its role, the verification of the
   * backfill that fills a widened or narrowed column, and its size when one is declared; then the
   * removed columns. Declared after {@code TABLE}, which it reads while the class initialises; the
   * verifications it calls hold no state of their own, so no initialisation cycle can see it null.
   */
  private static FieldSpec schema(Entity entity) {
    CodeBlock.Builder code = CodeBlock.builder()
        .add("$T.of(TABLE)\n$>$>", RuntimeTypes.TABLE_SCHEMA);
    for (Property property : entity.properties()) {
      Property.Role role = property.role();
      List<CodeBlock> arguments = new ArrayList<>();
      arguments.add(CodeBlock.of("$L", property.constant()));
      if (role == Property.Role.WIDENED || role == Property.Role.NARROWED) {
        arguments.add(CodeBlock.of("$T.$L()", entity.verificationClass(),
            entity.fillerOf(property.name()).method()));
      }
      if (!property.size().isDefault()) {
        arguments.add(size(property.size()));
      }
      code.add(".$L($L)\n", role.name().toLowerCase(Locale.ROOT), CodeBlock.join(arguments, ", "));
    }
    if (!entity.removed().isEmpty()) {
      code.add(".removed($L)\n", entity.removed().stream()
          .map(name -> CodeBlock.of("$S", name))
          .collect(CodeBlock.joining(", ")));
    }
    code.add(".build()$<$<");
    return FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.TABLE_SCHEMA, entity.type()),
            "SCHEMA", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("What this code expects of the table: each column's role in the lifecycle (required,\n"
            + "optional, widened or narrowed with the backfill that fills it, deprecated, or retiring),\n"
            + "its declared size, and the columns declared removed. The migrator compares it with the\n"
            + "database's catalog to plan, apply and check the schema steps of each phase.\n")
        .initializer(code.build())
        .build();
  }

  /** {@code ColumnSchema.Size.length(255)}, {@code ColumnSchema.Size.decimal(38, 2)}, or the record. */
  private static CodeBlock size(ColumnSize size) {
    if (size.precision() == 0 && size.scale() == 0) {
      return CodeBlock.of("$T.length($L)", RuntimeTypes.COLUMN_SIZE, size.length());
    }
    if (size.length() == 0) {
      return CodeBlock.of("$T.decimal($L, $L)", RuntimeTypes.COLUMN_SIZE, size.precision(), size.scale());
    }
    return CodeBlock.of("new $T($L, $L, $L)", RuntimeTypes.COLUMN_SIZE, size.length(), size.precision(),
        size.scale());
  }

  /**
   * Builds an entity from a row: references and embeddables are built by methods of their own, each
   * named after its field ({@code readType}, {@code readAddress}).
   */
  private static List<MethodSpec> reader(Entity entity) {
    NameAllocator methods = new NameAllocator();
    methods.newName("read");
    methods.newName("write");
    methods.newName("patch");
    NameAllocator names = new NameAllocator();
    String row = names.newName("row");
    List<MethodSpec> helpers = new ArrayList<>();
    Map<Member, CodeBlock> values = new LinkedHashMap<>();
    for (Member member : entity.members()) {
      if (member instanceof Member.Value value) {
        values.put(member, CodeBlock.of("$L.get($L)", row, value.property().constant()));
      } else if (member instanceof Member.Unmapped) {
        values.put(member, CodeBlock.of("null"));
      } else if (member instanceof Member.AggregateReference reference) {
        MethodSpec helper = aggregateReferenceReader(reference,
            methods.newName("read" + Names.capitalize(member.name())));
        helpers.add(helper);
        values.put(member, CodeBlock.of("$N($L)", helper, row));
      } else {
        MethodSpec helper = member instanceof Member.Reference reference
            ? referenceReader(entity, reference, methods.newName("read" + Names.capitalize(member.name())))
            : embeddedReader(entity, (Member.Embedded) member,
                methods.newName("read" + Names.capitalize(member.name())));
        helpers.add(helper);
        values.put(member, CodeBlock.of("$N($L)", helper, row));
      }
    }
    MethodSpec.Builder method = MethodSpec.methodBuilder("read")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(entity.type())
        .addParameter(RuntimeTypes.ROW, row)
        .addException(SQLException.class);
    if (entity.construction() == Entity.Construction.CONSTRUCTOR) {
      method.addStatement("return new $T(\n$L)", entity.type(), CodeBlock.join(values.values(), ",\n"));
    } else {
      String variable = names.newName(Names.decapitalize(entity.type().simpleName()));
      method.addStatement("$T $L = new $T()", entity.type(), variable, entity.type());
      values.forEach((member, value) -> {
        if (!(member instanceof Member.Unmapped)) {
          method.addStatement(assignment(variable, setterOf(member), value));
        }
      });
      method.addStatement("return $L", variable);
    }
    List<MethodSpec> all = new ArrayList<>();
    all.add(method.build());
    all.addAll(helpers);
    return all;
  }

  /** A reference holding only the id in the join column, or {@code null} when it is {@code NULL}. */
  private static MethodSpec referenceReader(Entity entity, Member.Reference reference, String name) {
    NameAllocator names = new NameAllocator();
    String row = names.newName("row");
    String id = names.newName("id");
    String target = names.newName(Names.decapitalize(reference.target().simpleName()));
    Property column = reference.column();
    return MethodSpec.methodBuilder(name)
        .addJavadoc("The {@code $L} of a row: a reference holding only its id, or {@code null}.\n",
            reference.name())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(reference.target())
        .addParameter(RuntimeTypes.ROW, row)
        .addException(SQLException.class)
        .addStatement("$T $L = $L.get($L)", column.type().javaType(), id, row, column.constant())
        .beginControlFlow("if ($L == null)", id)
        .addStatement("return null")
        .endControlFlow()
        .addStatement("$T $L = new $T()", reference.target(), target, reference.target())
        .addStatement(assignment(target, reference.targetIdSetter(), CodeBlock.of("$L", id)))
        .addStatement("return $L", target)
        .build();
  }

  /** A Spring Data JDBC reference to the id in the column, or {@code null} when it is {@code NULL}. */
  private static MethodSpec aggregateReferenceReader(Member.AggregateReference reference, String name) {
    NameAllocator names = new NameAllocator();
    String row = names.newName("row");
    String id = names.newName("id");
    Property column = reference.column();
    return MethodSpec.methodBuilder(name)
        .addJavadoc("The {@code $L} of a row: a reference to the id it holds, or {@code null}.\n",
            reference.name())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(reference.type())
        .addParameter(RuntimeTypes.ROW, row)
        .addException(SQLException.class)
        .addStatement("$T $L = $L.get($L)", column.type().javaType(), id, row, column.constant())
        .addStatement("return $L == null ? null : $T.to($L)", id, AGGREGATE_REFERENCE, id)
        .build();
  }

  /** An embeddable built from its component columns, or {@code null} when every one is {@code NULL}. */
  private static MethodSpec embeddedReader(Entity entity, Member.Embedded embedded, String name) {
    NameAllocator names = new NameAllocator();
    String row = names.newName("row");
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addJavadoc(embedded.emptyWhenNull()
            ? "The {@code $L} of a row, holding nulls when every column of it is {@code NULL}.\n"
            : "The {@code $L} of a row, or {@code null} when every column of it is {@code NULL},\n"
                + "as Hibernate reads it.\n", embedded.name())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(embedded.type())
        .addParameter(RuntimeTypes.ROW, row)
        .addException(SQLException.class);
    Map<Property, String> locals = new LinkedHashMap<>();
    for (Property component : embedded.components()) {
      String local = names.newName(component.name());
      locals.put(component, local);
      method.addStatement("$T $L = $L.get($L)", component.type().javaType(), local, row,
          component.constant());
    }
    if (!embedded.emptyWhenNull()) {
      String allNull = locals.values().stream().map(local -> local + " == null")
          .collect(Collectors.joining(" && "));
      method.beginControlFlow("if ($L)", allNull).addStatement("return null").endControlFlow();
    }
    if (embedded.construction() == Entity.Construction.CONSTRUCTOR) {
      return method.addStatement("return new $T($L)", embedded.type(), String.join(", ", locals.values()))
          .build();
    }
    String variable = names.newName(Names.decapitalize(embedded.type().simpleName()));
    method.addStatement("$T $L = new $T()", embedded.type(), variable, embedded.type());
    locals.forEach((component, local) -> method.addStatement(
        assignment(variable, component.setter().orElseThrow(), CodeBlock.of("$L", local))));
    return method.addStatement("return $L", variable).build();
  }

  private static Accessor setterOf(Member member) {
    if (member instanceof Member.Value value) {
      return value.property().setter().orElseThrow();
    }
    if (member instanceof Member.Reference reference) {
      return reference.column().setter().orElseThrow();
    }
    if (member instanceof Member.AggregateReference reference) {
      return reference.column().setter().orElseThrow();
    }
    return ((Member.Embedded) member).setter().orElseThrow();
  }

  /** {@code target.setX(value)} or {@code target.x = value}. */
  private static CodeBlock assignment(String target, Accessor setter, CodeBlock value) {
    return CodeBlock.of(setter.isMethod() ? "$L.$L($L)" : "$L.$L = $L", target, setter.name(), value);
  }

  /**
   * Every column's value of an entity. A reference gives its id and an embeddable its components, each
   * read once into a local and {@code NULL} when the reference or embeddable is {@code null}.
   */
  private static MethodSpec writer(Entity entity) {
    NameAllocator names = new NameAllocator();
    String variable = names.newName(Names.decapitalize(entity.type().simpleName()));
    MethodSpec.Builder method = MethodSpec.methodBuilder("write")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(RuntimeTypes.PATCH, entity.type()))
        .addParameter(entity.type(), variable);
    List<CodeBlock> sets = new ArrayList<>();
    for (Member member : entity.members()) {
      if (member instanceof Member.Value value) {
        Property property = value.property();
        sets.add(CodeBlock.of(".$L($L)", property.name(), ValueCode.read(variable, property.getter())));
        continue;
      }
      if (member instanceof Member.Unmapped) {
        continue;
      }
      String local = names.newName(member.name());
      if (member instanceof Member.AggregateReference reference) {
        method.addStatement("$T $L = $L", reference.type(), local,
            ValueCode.read(variable, reference.column().getter()));
        sets.add(CodeBlock.of(".$L($L == null ? null : $L.getId())", member.name(), local, local));
      } else if (member instanceof Member.Reference reference) {
        method.addStatement("$T $L = $L", reference.target(), local,
            ValueCode.read(variable, reference.column().getter()));
        sets.add(CodeBlock.of(".$L($L == null ? null : $L)", member.name(), local,
            ValueCode.read(local, reference.targetIdGetter())));
      } else {
        Member.Embedded embedded = (Member.Embedded) member;
        method.addStatement("$T $L = $L", embedded.type(), local, ValueCode.read(variable, embedded.getter()));
        for (Property component : embedded.components()) {
          sets.add(CodeBlock.of(".$L($L == null ? null : $L)", component.name(), local,
              ValueCode.read(local, component.getter())));
        }
      }
    }
    return method.addStatement("return patch()\n$L", CodeBlock.join(sets, "\n")).build();
  }

  private static TypeSpec patch(Entity entity) {
    TypeSpec.Builder patch = TypeSpec.classBuilder(entity.patchClass())
        .addJavadoc("A typed patch of {@code $L} rows: each method sets one column, {@code null} clears it.\n",
            entity.table())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(RuntimeTypes.PATCH, entity.type()))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (Property property : entity.properties()) {
      TypeName parameter = property.isPrimitive() ? property.declaredType() : property.type().javaType();
      patch.addMethod(MethodSpec.methodBuilder(property.name())
          .addJavadoc("Sets column {@code $L}.\n\n@param value the new value\n@return this patch\n",
              property.column())
          .addModifiers(Modifier.PUBLIC)
          .returns(entity.patchClass())
          .addParameter(parameter, "value")
          .addStatement("set($L, value)", property.constant())
          .addStatement("return this")
          .build());
    }
    return patch.build();
  }
}
