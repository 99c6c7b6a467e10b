package dev.godwit.processor.generation;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.godwit.processor.model.Entity;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * Generates the four classes of an entity: {@code XTable}, {@code XMigrations}, {@code XDualRead} and
 * {@code XVerification}. Reads only the model; the same model always gives the same text.
 */
public final class SourceGenerator {

  private final ClassShell shell;

  /**
   * A generator.
   *
   * @param generatedAvailable whether {@code javax.annotation.processing.Generated} can be used
   */
  public SourceGenerator(boolean generatedAvailable) {
    this.shell = new ClassShell(generatedAvailable);
  }

  /**
   * The source files generated for an entity.
   *
   * @param entity the checked entity
   * @param origin the element it was read from, recorded for incremental builds
   * @return the files, in a fixed order
   */
  public List<JavaFile> generate(Entity entity, Element origin) {
    return List.of(
            TableWriter.write(entity, shell),
            MigrationsWriter.write(entity, shell),
            DualReadWriter.write(entity, shell),
            VerificationWriter.write(entity, shell))
        .stream()
        .map(type -> file(entity, type, origin))
        .toList();
  }

  private static JavaFile file(Entity entity, TypeSpec type, Element origin) {
    TypeSpec withOrigin = type.toBuilder().addOriginatingElement(origin).build();
    return JavaFile.builder(entity.type().packageName(), withOrigin)
        .skipJavaLangImports(true)
        .build();
  }
}
