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
import dev.godwit.processor.model.Entity;
import dev.godwit.processor.model.Names;
import dev.godwit.processor.model.Property;
import dev.godwit.processor.model.ValueType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XTable}: the JSON codecs of nested records, one instance of each converter a field is
 * stored through, one typed column constant per field, the {@code TABLE} descriptor, the row reader and
 * value writer, and the typed patch builder.
 */
final class TableWriter {

  private TableWriter() {}

  static TypeSpec write(Entity entity, ClassShell shell) {
    TypeSpec.Builder type = shell.publicClass(entity.tableClass(), entity,
        "The {@code $L} table of {@link $T}: its columns, how its rows map to entities, and a typed\n"
            + "patch builder.\n",
        entity.table(), entity.type());
    Map<ClassName, String> codecs = recordCodecNames(entity);
    codecs.forEach((record, name) -> type.addField(recordCodec(entity, record, name, codecs)));
    Map<String, String> converters = converterNames(entity, codecs);
    for (Property property : entity.properties()) {
      if (property.type() instanceof ValueType.Converted converted) {
        type.addField(converter(property, converted, converters.get(property.name())));
      }
    }
    for (Property property : entity.properties()) {
      type.addField(column(entity, property, codecs, converters.get(property.name())));
    }
    type.addField(table(entity));
    type.addMethod(ClassShell.noInstances());
    type.addMethod(MethodSpec.methodBuilder("patch")
        .addJavadoc("A patch that sets nothing yet; each of its methods sets one column.\n\n"
            + "@return a new, empty patch\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(entity.patchClass())
        .addStatement("return new $T()", entity.patchClass())
        .build());
    type.addMethod(reader(entity));
    type.addMethod(writer(entity));
    type.addType(patch(entity));
    return type.build();
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
      Entity entity, Property property, Map<ClassName, String> codecs, String converter) {
    String role = property.id() ? ", the primary key" : "";
    return FieldSpec.builder(
            ParameterizedTypeName.get(RuntimeTypes.COLUMN, entity.type(), property.type().javaType()),
            property.constant(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Column {@code $L}, of field {@code $L}$L.\n", property.column(), property.name(), role)
        .initializer("$T.of($S,$W$L)", RuntimeTypes.COLUMN, property.column(),
            ValueCode.columnType(property.type(), codecs, converter))
        .build();
  }

  /**
   * {@code TABLE}: {@code Table.of} for a table in the default schema without a version column, the
   * builder otherwise.
   */
  private static FieldSpec table(Entity entity) {
    String columns = entity.properties().stream().map(Property::constant).collect(Collectors.joining(",$W"));
    FieldSpec.Builder field = FieldSpec.builder(
            ParameterizedTypeName.get(RuntimeTypes.TABLE, entity.type()), "TABLE",
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The table, ordered by {@link #$L}.\n", entity.id().constant());
    if (entity.schema().isEmpty() && entity.version().isEmpty()) {
      return field
          .initializer("$T.of($S,$W$L,$W$T.of(" + columns + "),$W$T::read,$W$T::write)",
              RuntimeTypes.TABLE, entity.table(), entity.id().constant(), List.class,
              entity.tableClass(), entity.tableClass())
          .build();
    }
    CodeBlock.Builder builder = CodeBlock.builder()
        .add("$T.<$T>builder($S)\n$>$>", RuntimeTypes.TABLE, entity.type(), entity.table());
    entity.schema().ifPresent(schema -> builder.add(".schema($S)\n", schema));
    builder.add(".key($L)\n", entity.id().constant())
        .add(".columns($T.of(" + columns + "))\n", List.class);
    entity.version().ifPresent(version ->
        builder.add(".version($L)\n", entity.property(version).constant()));
    builder.add(".reader($T::read)\n.writer($T::write)\n.build()$<$<", entity.tableClass(),
        entity.tableClass());
    return field.initializer(builder.build()).build();
  }

  private static MethodSpec reader(Entity entity) {
    NameAllocator names = new NameAllocator();
    String row = names.newName("row");
    MethodSpec.Builder method = MethodSpec.methodBuilder("read")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(entity.type())
        .addParameter(RuntimeTypes.ROW, row)
        .addException(SQLException.class);
    if (entity.construction() == Entity.Construction.CONSTRUCTOR) {
      CodeBlock arguments = entity.properties().stream()
          .map(property -> CodeBlock.of("$L.get($L)", row, property.constant()))
          .collect(CodeBlock.joining(",\n"));
      return method.addStatement("return new $T(\n$L)", entity.type(), arguments).build();
    }
    String variable = names.newName(Names.decapitalize(entity.type().simpleName()));
    method.addStatement("$T $L = new $T()", entity.type(), variable, entity.type());
    for (Property property : entity.properties()) {
      Accessor setter = property.setter().orElseThrow();
      method.addStatement(setter.isMethod() ? "$L.$L($L.get($L))" : "$L.$L = $L.get($L)",
          variable, setter.name(), row, property.constant());
    }
    return method.addStatement("return $L", variable).build();
  }

  private static MethodSpec writer(Entity entity) {
    NameAllocator names = new NameAllocator();
    String variable = names.newName(Names.decapitalize(entity.type().simpleName()));
    CodeBlock sets = entity.properties().stream()
        .map(property -> CodeBlock.of(".$L($L)", property.name(), ValueCode.read(variable, property.getter())))
        .collect(CodeBlock.joining("\n"));
    return MethodSpec.methodBuilder("write")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(RuntimeTypes.PATCH, entity.type()))
        .addParameter(entity.type(), variable)
        .addStatement("return patch()\n$L", sets)
        .build();
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
