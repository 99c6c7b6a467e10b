/** The PostgreSQL dialect, registered as a {@code DialectProvider} service. */
package dev.godwit.runtime.dialect.postgres;
