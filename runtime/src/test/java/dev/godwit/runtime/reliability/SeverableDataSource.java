package dev.godwit.runtime.reliability;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real data source whose way to the database can be cut: once severed, new connections are refused
 * as an unreachable network refuses them, while connections already open keep working. It stands for
 * a runner cut off from the database, or frozen, whose open transaction the database still holds.
 */
final class SeverableDataSource implements DataSource {

  private final DataSource target;
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean severed;

  SeverableDataSource(DataSource target) {
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

  @Override
  public Connection getConnection() throws SQLException {
    refuseIfSevered();
    return target.getConnection();
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    refuseIfSevered();
    return target.getConnection(user, password);
  }

  private void refuseIfSevered() throws SQLException {
    if (severed) {
      refused.incrementAndGet();
      throw new SQLException("the network to the database is cut", "08001");
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
