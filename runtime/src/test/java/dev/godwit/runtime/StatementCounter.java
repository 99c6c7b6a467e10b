package dev.godwit.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * A real data source seen through a window that records the text of every statement executed on
 * it, so tests can count round trips without replacing the database.
 */
public final class StatementCounter {

  private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
      "executeBatch", "executeLargeUpdate", "executeLargeBatch");

  private final List<String> executed = new CopyOnWriteArrayList<>();
  private final DataSource dataSource;

  public StatementCounter(DataSource target) {
    this.dataSource = wrap(DataSource.class, target, (proxy, method, args) -> {
      Object result = invoke(target, method, args);
      return result instanceof Connection connection ? connection(connection) : result;
    });
  }

  /** The data source whose statements are recorded. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** How many executed statements mention a table, and how many since the last call. */
  public long executedOn(String table) {
    return executed.stream().filter(sql -> sql.toLowerCase(Locale.ROOT).contains(table)).count();
  }

  /** Every statement executed so far, as its SQL text, in order. */
  public List<String> executed() {
    return List.copyOf(executed);
  }

  /** Forgets the statements recorded so far. */
  public void reset() {
    executed.clear();
  }

  private Connection connection(Connection target) {
    return wrap(Connection.class, target, (proxy, method, args) -> {
      Object result = invoke(target, method, args);
      if (result instanceof PreparedStatement statement && args != null
          && args[0] instanceof String sql) {
        return statement(PreparedStatement.class, statement, sql);
      }
      return result instanceof Statement statement ? statement(Statement.class, statement, null)
          : result;
    });
  }

  private <S extends Statement> S statement(Class<S> type, S target, String preparedSql) {
    return wrap(type, target, (proxy, method, args) -> {
      if (EXECUTIONS.contains(method.getName())) {
        executed.add(args != null && args.length > 0 && args[0] instanceof String sql
            ? sql : String.valueOf(preparedSql));
      }
      return invoke(target, method, args);
    });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static <T> T wrap(Class<T> type, T target, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
        new Class<?>[] {type}, handler));
  }
}
