package dev.godwit.spring.boot.autoconfigure;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.ProgressListener;
import java.util.Optional;

/**
 * Sees every run the application starts ({@code godwit.run-on-startup}, or a resume through the
 * endpoint): each bean of this type is given its start and then every committed batch. Called on
 * the running thread; keep it quick.
 */
public interface GodwitRunListener extends ProgressListener {

  /**
   * Called before a run of a migration starts in this application.
   *
   * @param migration the migration
   * @param recorded its status as recorded before the run, or empty if it never ran here
   */
  default void runStarting(Migration<?> migration, Optional<MigrationStatus> recorded) {}
}
