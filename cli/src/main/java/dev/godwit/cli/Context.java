package dev.godwit.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * What every command writes to and reads from outside its arguments.
 *
 * @param out where results and progress go
 * @param err where errors go
 * @param environment the environment variables
 * @param interactive whether {@code out} is a terminal that can redraw a line or a screen
 */
record Context(PrintStream out, PrintStream err, Map<String, String> environment, boolean interactive) {}
