package dev.godwit.spring.boot.autoconfigure.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The auto-configuration is a user of the runtime: it uses only its API, never its internals, its
 * SPI or a dialect.
 */
@AnalyzeClasses(packages = "dev.godwit.spring", importOptions = ImportOption.DoNotIncludeTests.class)
class UsesOnlyRuntimeApiTest {

  /** Only {@code dev.godwit.runtime} itself is the runtime's API. */
  @ArchTest
  static final ArchRule usesOnlyTheRuntimeApi = noClasses()
      .that().resideInAPackage("dev.godwit.spring..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.godwit.runtime.internal..",
          "dev.godwit.runtime.spi..", "dev.godwit.runtime.dialect..");
}
