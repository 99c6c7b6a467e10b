package dev.godwit.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.godwit.processor.model.Backfill;
import dev.godwit.processor.model.Entity;
import dev.godwit.processor.model.MigrationPlan;
import dev.godwit.processor.model.Names;
import dev.godwit.processor.model.Property;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XMigrations}: one migration per backfill (or group of backfills) and per field to
 * clear, each carrying its verification and its phase (backfills migrate; clears contract, and destroy
 * data), and {@code all()} in the order they must run. The class is a {@code MigrationProvider}, so that
 * tools find the migrations and the table's {@code SCHEMA} through {@code ServiceLoader}.
 */
final class MigrationsWriter {

  private MigrationsWriter() {}

  static TypeSpec write(Entity entity, ClassShell shell) {
    TypeName migration = ParameterizedTypeName.get(RuntimeTypes.MIGRATION, entity.type());
    boolean clears = entity.migrations().stream().anyMatch(plan -> plan.kind() == MigrationPlan.Kind.CLEAR);
    TypeSpec.Builder type = shell.publicClass(entity.migrationsClass(), entity,
            "The online migrations of the {@code $L} table of {@link $T}. Run them in the order of\n"
                + "{@link #all()}; each is done only when its verification in {@link $T} finds no row\n"
                + "left.\n\n<p>$L\n",
            entity.table(), entity.type(), entity.verificationClass(), clears
                ? "Backfills belong to the migrate phase. Clears belong to the contract phase: they destroy\n"
                    + "data, so a run of every migration leaves them out, and they run only on explicit"
                    + " request."
                : "Every migration here is a backfill, in the migrate phase.")
        .addSuperinterface(RuntimeTypes.MIGRATION_PROVIDER)
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("For {@code ServiceLoader}; the migrations themselves are static methods.\n")
            .addModifiers(Modifier.PUBLIC)
            .build());
    for (MigrationPlan plan : entity.migrations()) {
      type.addMethod(MethodSpec.methodBuilder(plan.method())
          .addJavadoc("$L\n\n@return the migration {@code $L}\n", summary(entity, plan), plan.name())
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(migration)
          .addCode("return $L;\n", body(entity, plan))
          .build());
    }
    String order = entity.migrations().stream()
        .map(plan -> "{@link #" + plan.method() + "()} ("
            + (plan.kind() == MigrationPlan.Kind.CLEAR ? "contract, destroys data" : "migrate") + ")")
        .collect(Collectors.joining(",\n"));
    CodeBlock all = entity.migrations().stream()
        .map(plan -> CodeBlock.of("$L()", plan.method()))
        .collect(CodeBlock.joining(", "));
    type.addMethod(MethodSpec.methodBuilder("all")
        .addJavadoc("Every migration of the table, in the order they must run: a clear runs after every\n"
                + "backfill that reads the field it clears.$L\n\n@return the migrations\n",
            order.isEmpty() ? "" : "\n\n<p>In order, with each one's phase:\n" + order + ".")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), migration))
        .addStatement("return $T.of($L)", List.class, all)
        .build());
    type.addMethod(MethodSpec.methodBuilder("migrations")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class),
            ParameterizedTypeName.get(RuntimeTypes.MIGRATION, WildcardTypeName.subtypeOf(Object.class))))
        .addStatement("return $T.copyOf(all())", List.class)
        .build());
    type.addMethod(MethodSpec.methodBuilder("schemas")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class),
            ParameterizedTypeName.get(RuntimeTypes.TABLE_SCHEMA, WildcardTypeName.subtypeOf(Object.class))))
        .addStatement("return $T.of($T.SCHEMA)", List.class, entity.tableClass())
        .build());
    return type.build();
  }

  private static String summary(Entity entity, MigrationPlan plan) {
    if (plan.kind() == MigrationPlan.Kind.CLEAR) {
      String summary = "Clears {@code " + plan.fields().get(0) + "}, the old format, on every row, once the"
          + " backfills reading it have run.\nIn the contract phase: it destroys data, and runs only on"
          + " explicit request.";
      if (!plan.requires().isEmpty()) {
        summary += "\nA row still lacking "
            + plan.requires().stream().map(name -> "{@code " + name + "}")
                .collect(Collectors.joining(" or "))
            + " keeps its value, and the\nverification reports it, so no data is lost.";
      }
      return summary;
    }
    String fills = plan.fields().stream()
        .map(entity::property)
        .map(property -> "{@code " + property.name() + "} with " + Prose.source(entity, property))
        .collect(Collectors.joining(", "));
    return "Fills " + fills + ",\non the " + Prose.remaining(entity, plan) + ".";
  }

  private static CodeBlock body(Entity entity, MigrationPlan plan) {
    // Not a statement: a group's lambda holds statements of its own, so indentation is explicit.
    CodeBlock.Builder code = CodeBlock.builder()
        .add("$T.on($T.TABLE, $S)\n$>$>", RuntimeTypes.MIGRATION, entity.tableClass(), plan.name());
    if (plan.kind() == MigrationPlan.Kind.CLEAR) {
      code.add(".phase($T.CONTRACT)\n", RuntimeTypes.PHASE);
    }
    if (plan.batchSize() > 0) {
      code.add(".batchSize($L)\n", plan.batchSize());
    }
    code.add(".range($L)\n", ValueCode.range(entity, plan))
        .add(".verifiedBy($T.$L())\n", entity.verificationClass(), plan.method());
    if (plan.kind() == MigrationPlan.Kind.CLEAR) {
      Property property = entity.property(plan.fields().get(0));
      code.add(".migrateInDatabase($L.setTo(null))", ValueCode.column(entity, property));
    } else if (plan.fields().size() == 1) {
      code.add(single(entity, entity.property(plan.fields().get(0))));
    } else {
      code.add(group(entity, plan));
    }
    return code.add("$<$<").build();
  }

  /** One field: a constant or a copy inside the database, a method row by row in the JVM. */
  private static CodeBlock single(Entity entity, Property property) {
    Backfill backfill = property.backfill().orElseThrow();
    CodeBlock column = ValueCode.column(entity, property);
    if (backfill instanceof Backfill.Constant constant) {
      return CodeBlock.of(".migrateInDatabase($L.setTo($L))", column,
          ValueCode.constant(property.type(), constant.text()));
    }
    if (backfill instanceof Backfill.Copy copy) {
      return CodeBlock.of(".migrateInDatabase($L.copyOf($L))", column,
          ValueCode.column(entity, entity.property(copy.source())));
    }
    NameAllocator names = lambdaNames(entity);
    String row = names.get("row");
    return CodeBlock.of(".migrateOne(($L, $L) ->$W$T.patch().$L($L))", names.get("context"), row,
        entity.tableClass(), property.name(), BackfillCode.required(entity, property, row));
  }

  /**
   * Several fields in one pass over the rows. A row in the range may lack only some of them, so each
   * is filled only where it is missing, in the JVM: an in-database UPDATE would overwrite the others.
   */
  private static CodeBlock group(Entity entity, MigrationPlan plan) {
    NameAllocator names = lambdaNames(entity);
    String row = names.get("row");
    String patch = names.newName("patch");
    CodeBlock.Builder body = CodeBlock.builder()
        .addStatement("$T $L = $T.patch()", entity.patchClass(), patch, entity.tableClass());
    for (String name : plan.fields()) {
      Property property = entity.property(name);
      if (property.isPrimitive()) {
        // A narrowed primitive: a row read into the entity holds a value, or could not be read at all.
        continue;
      }
      Backfill backfill = property.backfill().orElseThrow();
      CodeBlock missing = CodeBlock.of("$L == null", ValueCode.read(row, property.getter()));
      CodeBlock value;
      if (backfill instanceof Backfill.Copy copy) {
        Property source = entity.property(copy.source());
        if (!source.isPrimitive()) {
          missing = CodeBlock.of("$L && $L != null", missing, ValueCode.read(row, source.getter()));
        }
        value = BackfillCode.value(entity, property, row);
      } else if (backfill instanceof Backfill.Computed) {
        value = BackfillCode.required(entity, property, row);
      } else {
        value = BackfillCode.value(entity, property, row);
      }
      body.beginControlFlow("if ($L)", missing)
          .addStatement("$L.$L($L)", patch, property.name(), value)
          .endControlFlow();
    }
    body.addStatement("return $L", patch);
    return CodeBlock.builder()
        .add(".migrateOne(($L, $L) -> {\n$>", names.get("context"), row)
        .add(body.build())
        .add("$<})")
        .build();
  }

  /** The lambda's parameters: {@code context} and the row, named after the entity. */
  private static NameAllocator lambdaNames(Entity entity) {
    NameAllocator names = new NameAllocator();
    names.newName("context", "context");
    names.newName(Names.decapitalize(entity.type().simpleName()), "row");
    return names;
  }
}
