package dev.godwit.cli;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationRegistry;
import dev.godwit.runtime.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.Set;

/**
 * The migrations published on the class path, plus the jars of {@code --class-path}, found by name.
 * While open, the class loader that holds them is the thread's context class loader, so that the
 * application's code they call resolves its own classes.
 */
final class Migrations implements AutoCloseable {

  /** Said wherever no migration is found, since the cause is nearly always the class path. */
  static final String CLASS_PATH_HINT = "put the application's jar on the class path: "
      + "java -cp godwit-cli.jar:app.jar dev.godwit.cli.Godwit ..., or --class-path app.jar";

  private final MigrationRegistry registry;
  private final URLClassLoader extraJars;
  private final ClassLoader previousContextLoader;

  private Migrations(MigrationRegistry registry, URLClassLoader extraJars, ClassLoader previous) {
    this.registry = registry;
    this.extraJars = extraJars;
    this.previousContextLoader = previous;
  }

  static Migrations load(List<Path> classPath) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    ClassLoader parent = previous != null ? previous : Migrations.class.getClassLoader();
    URLClassLoader extraJars = classPath.isEmpty() ? null : new URLClassLoader(urls(classPath), parent);
    ClassLoader loader = extraJars != null ? extraJars : parent;
    thread.setContextClassLoader(loader);
    try {
      return new Migrations(MigrationRegistry.load(loader), extraJars, previous);
    } catch (ServiceConfigurationError | LinkageError e) {
      restore(thread, previous, extraJars);
      throw CommandException.usage("could not load the application's migrations (" + e.getMessage()
          + "); put every jar the application needs on the class path");
    } catch (IllegalStateException e) {
      restore(thread, previous, extraJars);
      throw CommandException.usage(e.getMessage());
    }
  }

  /** Every published migration, in the order the application publishes them. */
  List<Migration<?>> all() {
    return registry.all();
  }

  /**
   * Every published table schema ({@code XTable.SCHEMA}), for the schema commands.
   *
   * @throws CommandException bad usage, if none is published: the application's jar is missing, or
   *     was compiled by a processor that publishes no schema
   */
  List<TableSchema<?>> schemas() {
    List<TableSchema<?>> schemas = registry.schemas();
    if (schemas.isEmpty()) {
      throw CommandException.usage("no table schema was found; " + CLASS_PATH_HINT
          + ", compiled with Godwit's processor, which publishes each XTable.SCHEMA");
    }
    return schemas;
  }

  /**
   * Whether the class path holds the application's generated code even though it publishes no
   * migration: a deploy whose tables need none (after contract, say) still publishes their schemas.
   */
  boolean publishesOnlySchemas() {
    return registry.all().isEmpty() && !registry.schemas().isEmpty();
  }

  /** One line saying that the code on the class path publishes tables but no migration. */
  String onlySchemasMessage() {
    int tables = registry.schemas().size();
    return "no migration is published by the code on the class path; its " + tables
        + (tables == 1 ? " table needs" : " tables need") + " none ('godwit check' compares "
        + (tables == 1 ? "it" : "them") + " with the database)";
  }

  Optional<Migration<?>> find(String name) {
    return registry.find(name);
  }

  /**
   * The migrations of the given names, in the order the application publishes them (so that one that
   * depends on another runs after it), each once.
   *
   * @throws CommandException bad usage, if a name is not published
   */
  List<Migration<?>> named(Collection<String> names) {
    Set<String> wanted = new LinkedHashSet<>(names);
    for (String name : wanted) {
      if (registry.find(name).isEmpty()) {
        throw unknown(name);
      }
    }
    List<Migration<?>> found = new ArrayList<>();
    for (Migration<?> migration : registry.all()) {
      if (wanted.contains(migration.name())) {
        found.add(migration);
      }
    }
    return found;
  }

  /** Bad usage: a name that is not published, with the closest one that is. */
  CommandException unknown(String name) {
    if (registry.all().isEmpty()) {
      return CommandException.usage(
          "unknown migration '" + name + "': no migration was found; " + CLASS_PATH_HINT);
    }
    return CommandException.usage("unknown migration '" + name + "'" + registry.closest(name)
        .map(closest -> "; did you mean '" + closest + "'?")
        .orElse("; 'godwit list' shows the migrations found"));
  }

  @Override
  public void close() {
    restore(Thread.currentThread(), previousContextLoader, extraJars);
  }

  private static void restore(Thread thread, ClassLoader previous, URLClassLoader extraJars) {
    thread.setContextClassLoader(previous);
    if (extraJars != null) {
      try {
        extraJars.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static URL[] urls(List<Path> classPath) {
    URL[] urls = new URL[classPath.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = classPath.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw CommandException.usage("--class-path entry '" + classPath.get(i) + "' is not a usable path");
      }
    }
    return urls;
  }
}
