/**
 * The service provider interface for databases: what a dialect implements ({@link
 * dev.godwit.runtime.spi.Dialect}) and how one is found ({@link
 * dev.godwit.runtime.spi.DialectProvider}, listed in {@code
 * META-INF/services/dev.godwit.runtime.spi.DialectProvider} and loaded with {@link
 * java.util.ServiceLoader}). A dialect depends on this package and the API only, never on {@code
 * dev.godwit.runtime.internal}.
 */
package dev.godwit.runtime.spi;
