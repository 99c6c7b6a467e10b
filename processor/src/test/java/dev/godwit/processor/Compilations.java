package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Compiles test entities with the processor, the way a user's build does. */
final class Compilations {

  /** The enum most test entities use. */
  static final JavaFileObject PLAN =
      source("com.example.Plan", "package com.example;\n\npublic enum Plan { FREE, PRO }\n");

  /** The imports every test entity starts with, so that line numbers in tests stay readable. */
  static final String IMPORTS = """
      package com.example;

      import dev.godwit.*;
      import java.math.BigDecimal;
      import java.util.List;
      import java.util.Map;
      """;

  /** The representative entity whose generated classes are kept as golden files. */
  static final Path GOLDEN_INPUT = Path.of("src", "test", "resources", "golden", "input");

  private Compilations() {}

  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /** {@code com.example.Team}, with the usual imports before its declaration. */
  static JavaFileObject team(String declaration) {
    return source("com.example.Team", IMPORTS + "\n" + declaration);
  }

  /** Every source file below a folder, named after its path. */
  static List<JavaFileObject> sourcesIn(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      List<JavaFileObject> sources = new ArrayList<>();
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
        String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
        sources.add(source(name, Files.readString(file)));
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  static Compilation compile(List<String> options, JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new GodwitProcessor()).withOptions(options).compile(sources);
  }

  /** Compiles {@code Team} (and {@code Plan}), expecting an error with a given text on a given line. */
  static void assertError(JavaFileObject team, String message, String lineContaining) {
    Compilation compilation = compile(team, PLAN);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(team).onLineContaining(lineContaining);
  }

  /**
   * What a compilation into real folders left behind.
   *
   * @param succeeded whether javac succeeded
   * @param diagnostics javac's messages
   * @param files every file written, generated sources and classes alike, by path relative to the
   *     output folder, with its bytes
   */
  record Output(boolean succeeded, String diagnostics, Map<String, byte[]> files) {}

  /**
   * Compiles into a folder, as a build does: unlike an in-memory compilation, this shows what was
   * generated even when the compilation fails, and gives the exact bytes of every file.
   */
  static Output compileInto(Path folder, List<JavaFileObject> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      Path classes = Files.createDirectories(folder.resolve("classes"));
      Path generated = Files.createDirectories(folder.resolve("generated"));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
          List.of("-Xlint:all"), null, sources);
      task.setProcessors(List.of(new GodwitProcessor()));
      boolean succeeded = task.call();
      Map<String, byte[]> written = new TreeMap<>();
      try (Stream<Path> all = Files.walk(folder)) {
        for (Path file : all.filter(Files::isRegularFile).toList()) {
          written.put(folder.relativize(file).toString(), Files.readAllBytes(file));
        }
      }
      StringBuilder messages = new StringBuilder();
      diagnostics.getDiagnostics().forEach(diagnostic -> messages.append(diagnostic).append('\n'));
      return new Output(succeeded, messages.toString(), written);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that a generated class of {@code com.example} holds some code. */
  static void assertContains(Compilation compilation, String simpleName, String code) {
    assertThat(compilation).generatedSourceFile("com.example." + simpleName).contentsAsUtf8String()
        .contains(code);
  }

  /** The source of a runtime-retained annotation type with some members, for tests of foreign annotations. */
  static JavaFileObject annotation(String packageName, String name, String members) {
    return source(packageName + "." + name,
        "package " + packageName + ";\n\n"
            + "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\n"
            + "public @interface " + name + " { " + members + " }\n");
  }
}
