/**
 * Internal, not API: may change in any release. The migration engine: a run of batches, its row and
 * in-database steps, retries, verification and the schema check before a first run.
 */
package dev.godwit.runtime.internal.engine;
