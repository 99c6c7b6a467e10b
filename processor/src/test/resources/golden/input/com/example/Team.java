package com.example;

import dev.godwit.Backfill;
import dev.godwit.Column;
import dev.godwit.Id;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import java.util.List;
import java.util.UUID;

/**
 * A team in the middle of three changes: {@code isPro} becomes {@code plan} (a type change), {@code
 * name} is renamed {@code title}, and {@code seats} is a new required field with a default.
 */
@MigratedTable("teams")
public class Team {
  @Id private final UUID id;

  @Deprecated(forRemoval = true)
  private final String name;

  @Widened
  @Backfill(from = "name")
  private final String title;

  @Deprecated(forRemoval = true)
  @Column("pro")
  private final Boolean isPro;

  @Widened
  @Backfill(method = "planOf")
  private final Plan plan;

  @Widened
  @Backfill(value = "5", batchSize = 500)
  private final Integer seats;

  private final Address address;

  private final List<String> tags;

  public Team(
      UUID id,
      String name,
      String title,
      Boolean isPro,
      Plan plan,
      Integer seats,
      Address address,
      List<String> tags) {
    this.id = id;
    this.name = name;
    this.title = title;
    this.isPro = isPro;
    this.plan = plan;
    this.seats = seats;
    this.address = address;
    this.tags = tags;
  }

  static Plan planOf(Team team) {
    return Boolean.TRUE.equals(team.isPro) ? Plan.PRO : Plan.FREE;
  }

  public UUID getId() {
    return id;
  }

  /** The team's name, until every row has a title. */
  @Deprecated(forRemoval = true)
  public String getName() {
    return name;
  }

  public String getTitle() {
    return title;
  }

  @Deprecated(forRemoval = true)
  public Boolean isPro() {
    return isPro;
  }

  public Plan getPlan() {
    return plan;
  }

  public Integer getSeats() {
    return seats;
  }

  public Address getAddress() {
    return address;
  }

  public List<String> getTags() {
    return tags;
  }
}
