package dev.godwit.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * The classes of one in-memory compilation, loaded into a class loader of their own, so that a test
 * can run the code several forms of the same entity generate, one deploy after another.
 */
final class LoadedCompilation extends ClassLoader {

  private final Map<String, byte[]> classes = new HashMap<>();

  LoadedCompilation(Compilation compilation) {
    super(LoadedCompilation.class.getClassLoader());
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      // Named like /CLASS_OUTPUT/com/example/Owner.class.
      String path = file.toUri().getPath();
      String name = path.substring(path.indexOf('/', 1) + 1, path.length() - ".class".length())
          .replace('/', '.');
      try (InputStream bytes = file.openInputStream()) {
        classes.put(name, bytes.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  /** The value of a public static field of a compiled class. */
  @SuppressWarnings("unchecked")
  <T> T field(String className, String field) {
    try {
      return (T) loadClass(className).getField(field).get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The result of a public static method without parameters of a compiled class. */
  @SuppressWarnings("unchecked")
  <T> T call(String className, String method) {
    try {
      return (T) loadClass(className).getMethod(method).invoke(null);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
