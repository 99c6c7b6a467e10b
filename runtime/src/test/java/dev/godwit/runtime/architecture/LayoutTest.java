package dev.godwit.runtime.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.godwit.runtime.Migrator;

/**
 * The runtime's layout, as arrows that only point one way: the API ({@code dev.godwit.runtime}) is
 * what users and generated code call; the SPI ({@code spi}) is what a database implements; the
 * dialects ({@code dialect.*}) implement it from the API and the SPI alone; the engine
 * ({@code internal.*}) may change in any release and reaches a database only through the SPI.
 */
@AnalyzeClasses(packages = "dev.godwit.runtime", importOptions = ImportOption.DoNotIncludeTests.class)
class LayoutTest {

  /**
   * The API never depends on the engine's internals, but for the one entry point that starts the
   * engine: {@link Migrator}.
   */
  @ArchTest
  static final ArchRule apiDoesNotDependOnInternals = noClasses()
      .that().resideInAPackage("dev.godwit.runtime").and().doNotBelongToAnyOf(Migrator.class)
      .should().dependOnClassesThat().resideInAPackage("dev.godwit.runtime.internal..");

  /** Neither the API nor the SPI knows any database: dialects are found, never named. */
  @ArchTest
  static final ArchRule apiAndSpiDoNotNameADialect = noClasses()
      .that().resideInAnyPackage("dev.godwit.runtime", "dev.godwit.runtime.spi..")
      .should().dependOnClassesThat().resideInAPackage("dev.godwit.runtime.dialect..");

  /** The SPI is public: it must not hand out internal types. */
  @ArchTest
  static final ArchRule spiDoesNotDependOnInternals = noClasses()
      .that().resideInAPackage("dev.godwit.runtime.spi..")
      .should().dependOnClassesThat().resideInAPackage("dev.godwit.runtime.internal..");

  /** A dialect is written against the API and the SPI alone, as one in its own jar would be. */
  @ArchTest
  static final ArchRule dialectsUseOnlyTheApiAndTheSpi = classes()
      .that().resideInAPackage("dev.godwit.runtime.dialect..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("dev.godwit.runtime",
          "dev.godwit.runtime.spi..", "dev.godwit.runtime.dialect..", "java..", "javax..");

  /** Each dialect stands alone. */
  @ArchTest
  static final ArchRule dialectsDoNotDependOnEachOther = slices()
      .matching("dev.godwit.runtime.dialect.(*)..").should().notDependOnEachOther();

  /** The engine reaches a database through the SPI only, never a dialect's class. */
  @ArchTest
  static final ArchRule internalsDoNotNameADialect = noClasses()
      .that().resideInAPackage("dev.godwit.runtime.internal..")
      .should().dependOnClassesThat().resideInAPackage("dev.godwit.runtime.dialect..");
}
