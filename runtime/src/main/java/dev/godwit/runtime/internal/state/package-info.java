/**
 * Internal, not API: may change in any release. The state table: migrations' recorded state,
 * cursors and the leases that keep one runner per migration.
 */
package dev.godwit.runtime.internal.state;
