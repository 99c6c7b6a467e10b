/**
 * Godwit's runtime: describe online data migrations ({@link dev.godwit.runtime.Migration}) over typed
 * tables ({@link dev.godwit.runtime.Table}), and run, watch, cancel and verify them with a
 * {@link dev.godwit.runtime.Migrator}.
 */
package dev.godwit.runtime;
