/**
 * The {@code godwit} command line ({@link dev.godwit.cli.Godwit}): runs, watches, cancels, verifies
 * and lists the migrations an application publishes, against H2 or PostgreSQL.
 */
package dev.godwit.cli;
