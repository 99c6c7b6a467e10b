/**
 * Godwit's runtime: describe online data migrations ({@link dev.godwit.runtime.Migration}) over typed
 * tables ({@link dev.godwit.runtime.Table}), and run, watch, cancel and verify them with a
 * {@link dev.godwit.runtime.Migrator}.
 *
 * <p>Rules every statement follows:
 *
 * <ul>
 *   <li>Names: a table is named with its schema when it has one ({@code "billing"."teams"}); a plain
 *       name is folded to the case the database stores unquoted names in (upper case on H2, lower
 *       case on PostgreSQL, as each documents), an exact name written between double quotes
 *       ({@code "\"Customers\""}) is used as declared. State rows record
 *       {@link dev.godwit.runtime.Table#qualifiedName()}.
 *   <li>Keys: rows are visited in key order. A composite key is compared as a row value
 *       ({@code (a, b) > (?, ?)}, SQL:1999 row value comparison, supported by H2 and PostgreSQL) and
 *       ordered by {@code a, b}. Wherever the API hands out or takes a row's key as {@code Object}
 *       ({@link dev.godwit.runtime.RowChange#id()},
 *       {@link dev.godwit.runtime.VerificationResult#sampleIds()},
 *       {@link dev.godwit.runtime.MigrationContext#update}, ...), a composite key is an immutable
 *       {@code List<Object>} of the key values in key order. A key value that is NULL stops the run
 *       with a {@link dev.godwit.runtime.MigrationException} naming the table and key columns.
 *   <li>Versions: on a table with a {@linkplain dev.godwit.runtime.Table#version() version column}
 *       (JPA's {@code @Version}, Jakarta Persistence 3.1 section 3.4.2), every {@code UPDATE} Godwit
 *       issues sets {@code version = version + 1} on each row it updates; rows it does not update keep
 *       their version (a NULL one stays NULL, as SQL adds), and inserts write the values given. A
 *       patch or in-database assignment that sets the version column itself is refused.
 * </ul>
 */
package dev.godwit.runtime;
