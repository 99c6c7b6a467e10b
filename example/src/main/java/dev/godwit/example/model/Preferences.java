package dev.godwit.example.model;

/**
 * A user's preferences as they used to be stored: nested in the user row, as JSON.
 *
 * @param theme the colour theme
 * @param emailOptIn whether the user accepts email
 */
public record Preferences(String theme, boolean emailOptIn) {}
