package dev.godwit.example.model;

import dev.godwit.Id;
import dev.godwit.MigratedTable;

/**
 * A user's preferences in their own table: the new format of {@link User#preferences()}.
 *
 * @param userId the user's id, also this row's primary key
 * @param theme the colour theme
 * @param emailOptIn whether the user accepts email
 */
@MigratedTable("user_preferences")
public record UserPreference(@Id long userId, String theme, boolean emailOptIn) {}
