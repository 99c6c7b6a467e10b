package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated code is the same on every build and every machine, and compiles without warnings. */
class DeterminismTest {

  /** Names full of the letter i, which a Turkish locale upper-cases to İ and lower-cases I to ı. */
  private static final JavaFileObject INVOICE = Compilations.source("com.example.Invoice", """
      package com.example;

      import dev.godwit.*;

      @MigratedTable
      public record Invoice(
          @Id Long invoiceID,
          @Deprecated Boolean isPaid,
          @Widened @Backfill(method = "statusOf") Status status,
          @Widened @Backfill(value = "INITIAL", migration = "fillIdentity") Status initialStatus,
          @Widened @Backfill(value = "true", migration = "fillIdentity") Boolean isIssued) {

        public enum Status { INITIAL, PAID }

        static Status statusOf(Invoice invoice) {
          return Boolean.TRUE.equals(invoice.isPaid()) ? Status.PAID : Status.INITIAL;
        }
      }
      """);

  @TempDir Path folder;

  @Test
  void twoBuildsWriteTheSameBytes() {
    List<JavaFileObject> sources = Compilations.sourcesIn(Compilations.GOLDEN_INPUT);
    Compilations.Output first = Compilations.compileInto(folder.resolve("first"), sources);
    Compilations.Output second = Compilations.compileInto(folder.resolve("second"), sources);
    assertTrue(first.succeeded(), first.diagnostics());
    assertSameFiles(first.files(), second.files());
  }

  @Test
  void aTurkishDefaultLocaleChangesNothing() {
    Compilations.Output reference = Compilations.compileInto(folder.resolve("root"), List.of(INVOICE));
    Compilations.Output turkish;
    Locale original = Locale.getDefault();
    try {
      Locale.setDefault(new Locale("tr", "TR"));
      turkish = Compilations.compileInto(folder.resolve("turkish"), List.of(INVOICE));
    } finally {
      Locale.setDefault(original);
    }
    assertTrue(reference.succeeded(), reference.diagnostics());
    assertSameFiles(reference.files(), turkish.files());
    String table = new String(
        turkish.files().get("generated/com/example/InvoiceTable.java"), StandardCharsets.UTF_8);
    // Spring Boot's naming gives invoiceID the column invoiceid; the I's stay dotted under Turkish.
    assertTrue(table.contains("INVOICE_ID = Column.of(\"invoiceid\""), table);
    assertTrue(table.contains("IS_PAID = Column.of(\"is_paid\""), table);
    assertTrue(table.contains("Table.of(\"invoice\""), table);
  }

  @Test
  void generatedCodeCompilesWithoutWarningsUnderXlintAll() {
    Compilation compilation = Compilations.compile(List.of("-Xlint:all"),
        Compilations.sourcesIn(Compilations.GOLDEN_INPUT).toArray(JavaFileObject[]::new));
    assertThat(compilation).succeeded();
    List<String> warnings = compilation.warnings().stream()
        .map(warning -> warning.getMessage(Locale.ROOT))
        .filter(warning -> !onlyJpaUnclaimed(warning))
        .toList();
    assertEquals(List.of(), warnings);
  }

  /**
   * javac's {@code -Xlint:processing} warning that no processor claimed Jakarta Persistence's
   * annotations. Godwit reads them but must not claim them: a claimed annotation is not passed to the
   * processors that run after it, such as Hibernate's metamodel generator.
   */
  private static boolean onlyJpaUnclaimed(String warning) {
    String prefix = "No processor claimed any of these annotations:";
    return warning.startsWith(prefix)
        && Arrays.stream(warning.substring(prefix.length()).split(","))
            .map(String::strip)
            .allMatch(name -> name.startsWith("/jakarta.persistence."));
  }

  @Test
  void generatedCodeForARecordWithDeprecatedComponentsCompilesWithoutWarnings() {
    Compilation compilation = Compilations.compile(List.of("-Xlint:all"), INVOICE);
    assertThat(compilation).succeeded();
    // javac itself warns that @Deprecated on a record component does not deprecate its parameter;
    // that is about the entity, and no warning may come from the generated classes.
    List<Diagnostic<? extends JavaFileObject>> fromGenerated = compilation.warnings().stream()
        .filter(warning -> warning.getSource() == null
            || !warning.getSource().toUri().getPath().endsWith("/Invoice.java"))
        .toList();
    assertEquals(List.of(), fromGenerated);
  }

  private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path + " differs"));
  }
}
