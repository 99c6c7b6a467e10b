package dev.godwit.runtime.reliability;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real data source seen through a window: it records the SQL state of every error its connections
 * and statements raise, and its way to the database can be cut. Once severed, new connections are
 * refused as an unreachable network refuses them, while those already open keep working: a runner cut
 * off from the database, or frozen, whose open transaction the database still holds.
 */
final class WatchedDataSource implements DataSource {

  private final DataSource target;
  private final AtomicInteger refused = new AtomicInteger();
  private final List<String> errorStates = new CopyOnWriteArrayList<>();
  private volatile boolean severed;

  WatchedDataSource(DataSource target) {
    this.target = target;
  }

  /** Refuses every new connection from now on. */
  void sever() {
    severed = true;
  }

  /** How many connections were refused since {@link #sever()}. */
  int refused() {
    return refused.get();
  }

  /** The SQL state of each error raised through this data source's connections, in order. */
  List<String> errorStates() {
    return List.copyOf(errorStates);
  }

  @Override
  public Connection getConnection() throws SQLException {
    refuseIfSevered();
    return watch(Connection.class, target.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    refuseIfSevered();
    return watch(Connection.class, target.getConnection(user, password));
  }

  private void refuseIfSevered() throws SQLException {
    if (severed) {
      refused.incrementAndGet();
      throw new SQLException("the network to the database is cut", "08001");
    }
  }

  /** The object, recording the errors its methods raise, and watching the statements it makes. */
  private <T> T watch(Class<T> type, T object) {
    return type.cast(Proxy.newProxyInstance(WatchedDataSource.class.getClassLoader(),
        new Class<?>[] {type}, (proxy, method, arguments) -> {
          Object result = invoke(object, method, arguments);
          if (result instanceof java.sql.PreparedStatement prepared) {
            return watch(java.sql.PreparedStatement.class, prepared);
          }
          return result instanceof Statement statement ? watch(Statement.class, statement) : result;
        }));
  }

  private Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof SQLException sql) {
          // MySQL's lock wait timeout has only the general state HY000: name it by its number
          errorStates.add(sql.getErrorCode() == 1205 ? "1205" : String.valueOf(sql.getSQLState()));
          break;
        }
      }
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return target.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return target.isWrapperFor(type);
  }
}
