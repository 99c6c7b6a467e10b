package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classes generated for representative entities ({@code src/test/resources/golden/input}): a record
 * in its widened, deploy-1 form ({@code Team}), a class in its narrowed, deploy-2 form with a clear and
 * a removed column ({@code Account}), a JPA entity with mapped superclasses, a relation, an embeddable
 * and a collection ({@code jpa.Vet}), and a composite {@code @EmbeddedId} key
 * ({@code jpa.Appointment}), compared character for character with the golden files in
 * {@code golden/expected}.
 *
 * <p>After an intended change to the generated code, rewrite the golden files and review their diff:
 *
 * <pre>
 * mvn -B -q -pl processor -am verify -Dtest=GoldenFilesTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgodwit.golden.update=true
 * </pre>
 */
class GoldenFilesTest {

  private static final Path EXPECTED = Path.of("src", "test", "resources", "golden", "expected");
  private static final boolean UPDATE = Boolean.getBoolean("godwit.golden.update");

  private static Compilation compilation;

  @BeforeAll
  static void compileTheRepresentativeEntity() {
    compilation = Compilations.compile(
        Compilations.sourcesIn(Compilations.GOLDEN_INPUT).toArray(JavaFileObject[]::new));
    assertThat(compilation).succeeded();
  }

  @ParameterizedTest
  @ValueSource(strings = {"TeamTable", "TeamMigrations", "TeamDualRead", "TeamVerification",
      "AccountTable", "AccountMigrations", "AccountVerification",
      "jpa.VetTable", "jpa.VetMigrations", "jpa.VetDualRead", "jpa.VetVerification",
      "jpa.AppointmentTable", "jpa.AppointmentMigrations"})
  void generatesTheGoldenFile(String simpleName) throws IOException {
    String generated = compilation.generatedSourceFile("com.example." + simpleName)
        .orElseThrow(() -> new AssertionError(simpleName + " was not generated"))
        .getCharContent(true)
        .toString();
    Path golden = EXPECTED.resolve("com/example/" + simpleName.replace('.', '/') + ".java");
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, generated);
    }
    assertEquals(Files.readString(golden), generated,
        simpleName + " differs from " + golden + "; if the change is intended, rerun with"
            + " -Dgodwit.golden.update=true and review the diff");
  }
}
