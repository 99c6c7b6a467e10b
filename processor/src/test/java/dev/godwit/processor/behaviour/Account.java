package dev.godwit.processor.behaviour;

import dev.godwit.Backfill;
import dev.godwit.Id;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import java.util.List;

/** Adds a required field with a default: {@code plan}, which old rows lack. */
@MigratedTable("accounts")
public record Account(
    @Id long id,
    String email,
    @Widened @Backfill(value = "FREE", batchSize = 4) Plan plan,
    Address address,
    List<String> tags) {}
