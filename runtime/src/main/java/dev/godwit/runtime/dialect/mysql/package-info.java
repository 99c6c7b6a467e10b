/**
 * The MySQL and MariaDB dialect, registered as a {@code DialectProvider} service, for MariaDB
 * Connector/J and MySQL Connector/J alike.
 */
package dev.godwit.runtime.dialect.mysql;
