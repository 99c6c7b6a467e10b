package dev.godwit.runtime.spi;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * Creates the {@link Dialect} of one database product. Registered as a {@link java.util.ServiceLoader}
 * service: a jar lists its implementation's class name in
 * {@code META-INF/services/dev.godwit.runtime.spi.DialectProvider}, and the implementation has a
 * public no-argument constructor. {@link Dialect#of} asks each registered provider in turn.
 */
public interface DialectProvider {

  /**
   * The database this provider serves, for the message naming the supported databases.
   *
   * @return for example {@code "PostgreSQL"}
   */
  String name();

  /**
   * Whether this provider's dialect serves the connected database, usually decided by
   * {@link DatabaseMetaData#getDatabaseProductName()}.
   *
   * @param metaData the connected database's metadata
   * @return {@code true} to have {@link #create} called
   * @throws SQLException if the metadata cannot be read
   */
  boolean supports(DatabaseMetaData metaData) throws SQLException;

  /**
   * A dialect for the connected database.
   *
   * @param metaData the connected database's metadata, one this provider supports
   * @return a new dialect
   * @throws SQLException if the metadata cannot be read
   */
  Dialect create(DatabaseMetaData metaData) throws SQLException;
}
