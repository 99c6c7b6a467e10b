package dev.godwit.example.model;

import dev.godwit.Backfill;
import dev.godwit.Id;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;

/**
 * A user. Three changes are under way: every user gets a required {@code role} (a constant default,
 * computed inside the database); emails are being normalized (lower case, trimmed) by a hand-written
 * migration; and the nested {@code preferences} move to their own table, {@code user_preferences}, by
 * a hand-written migration, after which the column is cleared.
 *
 * @param id the primary key
 * @param email the email address, normalized by {@code users.normalizeEmails}
 * @param role the new required role
 * @param preferences the old nested preferences, moving to {@link UserPreference}
 */
@MigratedTable("users")
public record User(
    @Id long id,
    String email,
    @Widened @Backfill(value = "MEMBER") Role role,
    @Deprecated Preferences preferences) {}
