package dev.godwit.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What {@code migrateOne} may do besides returning a patch: write other rows and read any table,
 * inside the batch's own transaction, so everything a batch does commits or rolls back together.
 *
 * <p>Writes ({@link #insert}, {@link #update}, {@link #delete}) are collected and sent together at the
 * end of the batch, a constant number of statements whatever the batch size: inserts first, then
 * updates, then deletes. Several updates of one row in a batch merge into one (later values win, the
 * patch {@code migrateOne} returns last), and a row deleted in the batch is not also updated. Reads see
 * the database as the batch's transaction sees it, without the writes collected so far; when
 * {@code migrateOne} runs on several threads they take turns on the batch's connection. A context is
 * valid only during the call it was passed to.
 */
public interface MigrationContext {

  /**
   * The name of the migration being run.
   *
   * @return the migration name
   */
  String migrationName();

  /**
   * Whether this is a dry run, whose every write will be rolled back.
   *
   * @return {@code true} during a dry run
   */
  boolean isDryRun();

  /**
   * Inserts a row at the end of the batch, writing exactly the values given (a version column
   * included).
   *
   * @param table the table
   * @param values the value of each column to write; columns not set get their default
   * @param <U> the entity type
   */
  <U> void insert(Table<U> table, Patch<U> values);

  /**
   * Inserts an entity at the end of the batch.
   *
   * @param table the table
   * @param entity the entity, every column of which is written
   * @param <U> the entity type
   */
  default <U> void insert(Table<U> table, U entity) {
    insert(table, table.valuesOf(entity));
  }

  /**
   * Updates one row, found by key, at the end of the batch. On a table with a
   * {@linkplain Table#version() version column} the update also increments it by one.
   *
   * @param table the table
   * @param id the row's key: the value of a single-column key, or, for a composite key, a
   *     {@code List<Object>} of the key values in key order ({@code List.of(orderId, lineNo)})
   * @param patch the columns to change; neither a key column nor the version column
   * @param <U> the entity type
   * @throws IllegalArgumentException if the id is not of the key's shape and types, or the patch sets
   *     a key or version column
   */
  <U> void update(Table<U> table, Object id, Patch<U> patch);

  /**
   * Deletes one row, found by key, at the end of the batch. Deleting the row being migrated is
   * allowed.
   *
   * @param table the table
   * @param id the row's key: the value of a single-column key, or, for a composite key, a
   *     {@code List<Object>} of the key values in key order
   * @param <U> the entity type
   * @throws IllegalArgumentException if the id is not of the key's shape and types
   */
  <U> void delete(Table<U> table, Object id);

  /**
   * Reads rows of a table in key order.
   *
   * @param table the table
   * @param where which rows
   * @param limit at most this many
   * @param <U> the entity type
   * @return the rows as entities
   * @throws SQLException if the query fails
   */
  <U> List<U> select(Table<U> table, Condition<U> where, int limit) throws SQLException;

  /**
   * The first row of a table, in key order, that matches a condition.
   *
   * @param table the table
   * @param where which rows
   * @param <U> the entity type
   * @return the row, if any matches
   * @throws SQLException if the query fails
   */
  default <U> Optional<U> first(Table<U> table, Condition<U> where) throws SQLException {
    return select(table, where, 1).stream().findFirst();
  }

  /**
   * Whether any row of a table matches a condition.
   *
   * @param table the table
   * @param where which rows
   * @param <U> the entity type
   * @return {@code true} if one does
   * @throws SQLException if the query fails
   */
  <U> boolean exists(Table<U> table, Condition<U> where) throws SQLException;

  /**
   * The batch's connection, for what the methods above cannot say. Do not commit, roll back or close
   * it; statements on it are part of the batch's transaction.
   *
   * @return the connection
   */
  Connection connection();
}
