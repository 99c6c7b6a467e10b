package dev.godwit.testdialect;

import dev.godwit.runtime.spi.Dialect;
import dev.godwit.runtime.spi.DialectProvider;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** Provides {@link RenamedH2Dialect}; registered by the test class path's service file. */
public final class RenamedH2DialectProvider implements DialectProvider {

  @Override
  public String name() {
    return RenamedH2.PRODUCT;
  }

  @Override
  public boolean supports(DatabaseMetaData metaData) throws SQLException {
    return RenamedH2.PRODUCT.equals(metaData.getDatabaseProductName());
  }

  @Override
  public Dialect create(DatabaseMetaData metaData) throws SQLException {
    return new RenamedH2Dialect(metaData);
  }
}
