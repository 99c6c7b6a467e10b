/**
 * Internal, not API: may change in any release. The schema steps of the lifecycle: reading the live
 * catalog, planning the steps of each phase from the code's {@code TableSchema}s, applying them under
 * a short lock timeout with retries and recording them, and checking code against database.
 */
package dev.godwit.runtime.internal.schema;
