package dev.godwit.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.godwit.processor.model.Entity;
import dev.godwit.processor.model.MigrationPlan;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes {@code XVerification}: for each migration, the rows still in the old format. */
final class VerificationWriter {

  private VerificationWriter() {}

  static TypeSpec write(Entity entity, ClassShell shell) {
    TypeSpec.Builder type = shell.publicClass(entity.verificationClass(), entity,
        "The verifications of the migrations of {@link $T}: which rows of {@code $L} are still in the\n"
            + "old format. Run one with {@code Migrator.verify}; a migration records success only once its\n"
            + "verification finds no row left.\n",
        entity.type(), entity.table());
    type.addMethod(ClassShell.noInstances());
    TypeName verification = ParameterizedTypeName.get(RuntimeTypes.VERIFICATION, entity.type());
    for (MigrationPlan migration : entity.migrations()) {
      type.addMethod(MethodSpec.methodBuilder(migration.method())
          .addJavadoc("The rows {@code $L} has still to change:\n$L.\n\n@return the verification\n",
              migration.name(), Prose.remaining(entity, migration))
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(verification)
          .addStatement("return $T.of($T.TABLE, $S,$W$L)", RuntimeTypes.VERIFICATION, entity.tableClass(),
              migration.name(), ValueCode.remaining(entity, migration))
          .build());
    }
    CodeBlock all = entity.migrations().stream()
        .map(migration -> CodeBlock.of("$L()", migration.method()))
        .collect(CodeBlock.joining(", "));
    type.addMethod(MethodSpec.methodBuilder("all")
        .addJavadoc("Every verification above, in the order their migrations run.\n\n"
            + "@return the verifications\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), verification))
        .addStatement("return $T.of($L)", List.class, all)
        .build());
    return type.build();
  }
}
