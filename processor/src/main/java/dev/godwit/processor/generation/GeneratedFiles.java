package dev.godwit.processor.generation;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/** Writes generated sources and the service file through the compiler's {@link Filer}. */
public final class GeneratedFiles {

  private final Filer filer;

  /**
   * Files written through a filer.
   *
   * @param filer the compiler's filer
   */
  public GeneratedFiles(Filer filer) {
    this.filer = filer;
  }

  /**
   * Writes the sources of one entity. Every file is rendered before any is written, so that a failure
   * leaves no entity half-generated.
   *
   * @param files the files
   * @param origin the entity they were generated from, for incremental builds
   * @throws UncheckedIOException if a file cannot be written
   */
  public void writeSources(List<JavaFile> files, Element origin) {
    List<String> texts = files.stream().map(JavaFile::toString).toList();
    for (int i = 0; i < files.size(); i++) {
      JavaFile file = files.get(i);
      String name = file.packageName().isEmpty()
          ? file.typeSpec().name()
          : file.packageName() + "." + file.typeSpec().name();
      try (Writer out = filer.createSourceFile(name, origin).openWriter()) {
        out.write(texts.get(i));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Writes {@code META-INF/services/dev.godwit.runtime.MigrationProvider}, one provider per line,
   * sorted, so that it does not depend on the order entities were compiled in. Entries already in the
   * class output (hand-written providers copied there from the project's resources) are kept.
   *
   * @param providers the qualified names of the generated {@code XMigrations} classes
   * @param origins the entities they were generated from
   * @throws UncheckedIOException if the file cannot be written
   */
  public void writeProviderServiceFile(Collection<String> providers, Collection<? extends Element> origins) {
    try {
      Set<String> entries = new TreeSet<>(providers);
      entries.addAll(existingEntries());
      String content = entries.stream().map(name -> name + "\n").reduce("", String::concat);
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "",
          RuntimeTypes.PROVIDER_SERVICE_FILE, origins.toArray(new Element[0]));
      try (Writer out = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        out.write(content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The providers the service file in the class output already lists; none if there is no file. */
  private Set<String> existingEntries() {
    Set<String> entries = new TreeSet<>();
    try {
      FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "",
          RuntimeTypes.PROVIDER_SERVICE_FILE);
      for (String line : existing.getCharContent(true).toString().split("\n")) {
        String entry = line.replaceFirst("#.*", "").trim();
        if (!entry.isEmpty()) {
          entries.add(entry);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // No file yet (the usual case), or a location the compiler cannot read back: nothing to keep.
    }
    return entries;
  }
}
