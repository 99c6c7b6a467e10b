package dev.godwit.runtime.dialect.mysql;

import dev.godwit.runtime.spi.Dialect;
import dev.godwit.runtime.spi.DialectProvider;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * Provides {@link MySqlDialect} for a database whose JDBC product name is {@code MySQL} or
 * {@code MariaDB}: MySQL Connector/J reports {@code MySQL} for both servers, MariaDB Connector/J
 * reports the server it reached.
 */
public final class MySqlDialectProvider implements DialectProvider {

  /** The provider, as {@link java.util.ServiceLoader} creates it. */
  public MySqlDialectProvider() {}

  @Override
  public String name() {
    return "MySQL or MariaDB";
  }

  @Override
  public boolean supports(DatabaseMetaData metaData) throws SQLException {
    String product = metaData.getDatabaseProductName();
    return "MySQL".equalsIgnoreCase(product) || "MariaDB".equalsIgnoreCase(product);
  }

  @Override
  public Dialect create(DatabaseMetaData metaData) throws SQLException {
    return new MySqlDialect(metaData);
  }
}
