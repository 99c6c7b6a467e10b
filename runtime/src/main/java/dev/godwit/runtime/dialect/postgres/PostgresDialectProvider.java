package dev.godwit.runtime.dialect.postgres;

import dev.godwit.runtime.spi.Dialect;
import dev.godwit.runtime.spi.DialectProvider;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** Provides {@link PostgresDialect} for a database whose JDBC product name is {@code PostgreSQL}. */
public final class PostgresDialectProvider implements DialectProvider {

  /** The provider, as {@link java.util.ServiceLoader} creates it. */
  public PostgresDialectProvider() {}

  @Override
  public String name() {
    return "PostgreSQL";
  }

  @Override
  public boolean supports(DatabaseMetaData metaData) throws SQLException {
    return "PostgreSQL".equalsIgnoreCase(metaData.getDatabaseProductName());
  }

  @Override
  public Dialect create(DatabaseMetaData metaData) throws SQLException {
    return new PostgresDialect(metaData);
  }
}
