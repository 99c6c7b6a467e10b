package dev.godwit.cli;

import dev.godwit.runtime.ProgressListener;
import java.io.PrintStream;

/** Shows a run's progress while it runs: a progress bar on a terminal, plain lines otherwise. */
interface RunProgress extends ProgressListener, AutoCloseable {

  /**
   * Starts showing one migration's run.
   *
   * @param out where to show it
   * @param interactive whether {@code out} is a terminal
   * @param name the migration's name
   * @param alreadyVisited rows visited by earlier runs, which this run continues after
   */
  static RunProgress start(PrintStream out, boolean interactive, String name, long alreadyVisited) {
    return interactive ? new ProgressBarDisplay(out, name, alreadyVisited) : new ProgressLines(out);
  }

  /** Stops showing progress; the final state is printed by the command. */
  @Override
  void close();
}
