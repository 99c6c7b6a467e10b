/**
 * Internal, not API: may change in any release. JDBC plumbing: connections, the dialect of a data
 * source, reused statements, rows read from result sets, one-line error text.
 */
package dev.godwit.runtime.internal.jdbc;
