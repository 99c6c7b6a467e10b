package dev.godwit.example.deploy3;

import dev.godwit.Column;
import dev.godwit.Id;
import dev.godwit.MigratedTable;
import dev.godwit.example.model.Plan;

/**
 * Deploy 3 of a team: {@code isPro} is gone from the code and declared removed, so the contract phase
 * drops its column; {@code plan} is a plain required column, with no backfill left to run.
 *
 * <p>Compiled beside the current deploy's entity and not published, like {@link
 * dev.godwit.example.deploy2.Team}.
 *
 * @param id the primary key
 * @param name the team's name
 * @param plan which plan the team is on
 */
@MigratedTable(value = "teams", removed = "is_pro")
public record Team(
    @Id long id,
    String name,
    @Column(nullable = false) Plan plan) {}
