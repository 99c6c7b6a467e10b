package dev.godwit.processor.behaviour;

import dev.godwit.Backfill;
import dev.godwit.Id;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;

/**
 * Changes a type: {@code seats}, free text such as {@code "12 seats"}, becomes the number
 * {@code seatCount}, computed by a method. In this deploy-1 form {@code seats} gets no clear: the
 * widened field's backfill still reads it ({@link NarrowedTeam} is the deploy-2 form).
 */
@MigratedTable("teams")
public class Team {
  @Id private final long id;

  @Deprecated(forRemoval = true)
  private final String seats;

  @Widened
  @Backfill(method = "seatCountOf", batchSize = 3)
  private final Integer seatCount;

  public Team(long id, String seats, Integer seatCount) {
    this.id = id;
    this.seats = seats;
    this.seatCount = seatCount;
  }

  /** The number at the start of the old text; a team without one has a single seat. */
  static Integer seatCountOf(Team team) {
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
