package dev.godwit.runtime;

import java.sql.SQLException;

/**
 * Builds an entity from a row; generated for every entity, so no reflection is involved.
 *
 * @param <T> the entity type
 */
@FunctionalInterface
public interface RowReader<T> {

  /**
   * Reads one entity.
   *
   * @param row the row, with every column of the table
   * @return the entity
   * @throws SQLException if a value cannot be read
   */
  T read(Row row) throws SQLException;
}
