/** The H2 dialect (H2 2.x), registered as a {@code DialectProvider} service. */
package dev.godwit.runtime.dialect.h2;
