package dev.godwit.processor.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.godwit.processor.model.Entity;
import javax.lang.model.element.Modifier;

/** What every generated class starts with: its modifiers, {@code @Generated} and warnings it owns. */
final class ClassShell {

  /** Names the processor in {@code @Generated}, without a date, so that builds are reproducible. */
  private static final String PROCESSOR = "dev.godwit.processor.GodwitProcessor";
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private final boolean generatedAvailable;

  /**
   * @param generatedAvailable whether {@code javax.annotation.processing.Generated} is on the compile
   *     class path (it is not in a module that does not read {@code java.compiler})
   */
  ClassShell(boolean generatedAvailable) {
    this.generatedAvailable = generatedAvailable;
  }

  /** A public final class generated for an entity. */
  TypeSpec.Builder publicClass(ClassName name, Entity entity, String javadoc, Object... arguments) {
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(javadoc, arguments);
    if (generatedAvailable) {
      type.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build());
    }
    if (entity.usesDeprecated()) {
      // The generated code reads and writes the old format on purpose: that is what migrates it.
      type.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "{$S, $S}", "deprecation", "removal")
          .build());
    }
    return type;
  }

  /** The private constructor of a class of static members. */
  static MethodSpec noInstances() {
    return MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build();
  }
}
