/**
 * The service provider interface for databases: what a dialect implements ({@link
 * dev.godwit.runtime.spi.Dialect}). A dialect depends on this package and the API only, never on
 * {@code dev.godwit.runtime.internal}.
 */
package dev.godwit.runtime.spi;
