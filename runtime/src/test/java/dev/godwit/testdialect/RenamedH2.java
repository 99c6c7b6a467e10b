package dev.godwit.testdialect;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;

/**
 * A real H2 database that reports another product name through JDBC metadata, so that neither
 * built-in dialect claims it and only a dialect registered for that name can run on it. Everything
 * else is H2's own: connections, statements and the catalog are passed through unchanged.
 */
public final class RenamedH2 {

  /** The product name the wrapped database reports. */
  public static final String PRODUCT = "Godwit Test Database";

  private RenamedH2() {}

  /**
   * An H2 data source whose connections report {@link #PRODUCT} as their database product name.
   *
   * @param h2 a data source of a real H2 database
   * @param product the product name to report
   * @return the renamed data source
   */
  public static DataSource rename(DataSource h2, String product) {
    return wrap(DataSource.class, h2, (target, method, args) -> {
      Object result = invoke(target, method, args);
      return method.getName().equals("getConnection")
          ? renameConnection((Connection) result, product) : result;
    });
  }

  private static Connection renameConnection(Connection connection, String product) {
    return wrap(Connection.class, connection, (target, method, args) -> {
      Object result = invoke(target, method, args);
      return method.getName().equals("getMetaData")
          ? renameMetaData((DatabaseMetaData) result, product) : result;
    });
  }

  private static DatabaseMetaData renameMetaData(DatabaseMetaData metaData, String product) {
    return wrap(DatabaseMetaData.class, metaData, (target, method, args) ->
        method.getName().equals("getDatabaseProductName") ? product : invoke(target, method, args));
  }

  /** What a wrapper does with a call on the object it wraps. */
  private interface Forward {
    Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
  }

  private static <T> T wrap(Class<T> type, T target, Forward forward) {
    InvocationHandler handler = (proxy, method, args) -> forward.call(target, method, args);
    return type.cast(Proxy.newProxyInstance(RenamedH2.class.getClassLoader(),
        new Class<?>[] {type}, handler));
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
