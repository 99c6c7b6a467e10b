/**
 * Internal, not API: may change in any release. SQL rendering: the statements run on a migrated
 * table, conditions and assignments as SQL, keys read and written, a batch's grouped writes.
 */
package dev.godwit.runtime.internal.sql;
