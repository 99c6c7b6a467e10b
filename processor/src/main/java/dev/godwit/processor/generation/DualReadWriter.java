package dev.godwit.processor.generation;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import dev.godwit.processor.model.Backfill;
import dev.godwit.processor.model.Entity;
import dev.godwit.processor.model.Names;
import dev.godwit.processor.model.Property;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XDualRead}: for each widened field, the value a row has or will have once backfilled,
 * computed from the old format exactly as the backfill computes it.
 */
final class DualReadWriter {

  private DualReadWriter() {}

  static TypeSpec write(Entity entity, ClassShell shell) {
    TypeSpec.Builder type = shell.publicClass(entity.dualReadClass(), entity,
        "Reads the widened fields of {@link $T} whether or not a row has been migrated yet: the new\n"
            + "value when the row has it, otherwise the value its backfill would give it. Read through\n"
            + "these until the backfills are verified.\n",
        entity.type());
    type.addMethod(ClassShell.noInstances());
    for (Property property : entity.properties()) {
      if (property.widened() && property.backfill().isPresent()) {
        type.addMethod(accessor(entity, property));
      }
    }
    return type.build();
  }

  private static MethodSpec accessor(Entity entity, Property property) {
    NameAllocator names = new NameAllocator();
    String entityVariable = names.newName(Names.decapitalize(entity.type().simpleName()));
    String value = names.newName(property.name());
    Backfill backfill = property.backfill().orElseThrow();
    MethodSpec.Builder method = MethodSpec.methodBuilder(property.name())
        .addJavadoc("The {@code $L} of a row: its own value, or $L when it has none.\n\n"
                + "@param $L the row\n@return the value, as it is or will be after the backfill\n",
            property.name(), Prose.source(entity, property), entityVariable)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(property.type().javaType())
        .addParameter(entity.type(), entityVariable);
    if (backfill instanceof Backfill.Computed computed) {
      method.addExceptions(computed.thrown());
    }
    return method
        .addStatement("$T $L = $L", property.type().javaType(), value,
            ValueCode.read(entityVariable, property.getter()))
        .addStatement("return $L != null ? $L : $L", value, value,
            BackfillCode.value(entity, property, entityVariable))
        .build();
  }
}
