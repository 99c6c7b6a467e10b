package dev.godwit.processor.behaviour;

import dev.godwit.Backfill;
import dev.godwit.Id;
import dev.godwit.MigratedTable;

/**
 * {@link Team} in its deploy-2 form: {@code seatCount} is narrowed, and {@code seats}, read only by its
 * backfill method, is cleared in the contract phase.
 */
@MigratedTable("narrowed_teams")
public class NarrowedTeam {
  @Id private final long id;

  @Deprecated(forRemoval = true)
  private final String seats;

  @Backfill(method = "seatCountOf", batchSize = 3)
  private final Integer seatCount;

  public NarrowedTeam(long id, String seats, Integer seatCount) {
    this.id = id;
    this.seats = seats;
    this.seatCount = seatCount;
  }

  /** The number at the start of the old text; a team without one has a single seat. */
  static Integer seatCountOf(NarrowedTeam team) {
    if (team.seats == null || team.seats.isBlank()) {
      return 1;
    }
    return Integer.valueOf(team.seats.trim().split("\\s+")[0]);
  }

  public long getId() {
    return id;
  }

  @Deprecated(forRemoval = true)
  public String getSeats() {
    return seats;
  }

  public Integer getSeatCount() {
    return seatCount;
  }
}
