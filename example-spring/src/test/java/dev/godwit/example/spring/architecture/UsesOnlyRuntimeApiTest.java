package dev.godwit.example.spring.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The Spring Boot example is a user of the runtime: it uses only its API, never its internals, its
 * SPI or a dialect.
 */
@AnalyzeClasses(packages = "dev.godwit.example.spring", importOptions = ImportOption.DoNotIncludeTests.class)
class UsesOnlyRuntimeApiTest {

  /** Only {@code dev.godwit.runtime} itself is the runtime's API. */
  @ArchTest
  static final ArchRule usesOnlyTheRuntimeApi = noClasses()
      .that().resideInAPackage("dev.godwit.example.spring..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.godwit.runtime.internal..",
          "dev.godwit.runtime.spi..", "dev.godwit.runtime.dialect..");
}
