package dev.godwit.processor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The annotation processor writes code against the runtime's API: it never depends on the runtime's internals, its SPI or a dialect. */
@AnalyzeClasses(packages = "dev.godwit.processor", importOptions = ImportOption.DoNotIncludeTests.class)
class UsesOnlyRuntimeApiTest {

  /** Only {@code dev.godwit.runtime} itself is the runtime's API. */
  @ArchTest
  static final ArchRule usesOnlyTheRuntimeApi = noClasses()
      .that().resideInAPackage("dev.godwit.processor..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.godwit.runtime.internal..",
          "dev.godwit.runtime.spi..", "dev.godwit.runtime.dialect..");
}
