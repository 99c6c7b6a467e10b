package dev.godwit.runtime.dialect.h2;

import dev.godwit.runtime.spi.Dialect;
import dev.godwit.runtime.spi.DialectProvider;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** Provides {@link H2Dialect} for a database whose JDBC product name is {@code H2}. */
public final class H2DialectProvider implements DialectProvider {

  /** The provider, as {@link java.util.ServiceLoader} creates it. */
  public H2DialectProvider() {}

  @Override
  public String name() {
    return "H2";
  }

  @Override
  public boolean supports(DatabaseMetaData metaData) throws SQLException {
    return "H2".equalsIgnoreCase(metaData.getDatabaseProductName());
  }

  @Override
  public Dialect create(DatabaseMetaData metaData) throws SQLException {
    return new H2Dialect(metaData);
  }
}
