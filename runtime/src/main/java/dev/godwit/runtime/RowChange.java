package dev.godwit.runtime;

import java.util.Map;

/**
 * One row a dry run would change: its columns before and after, as text.
 *
 * @param id the row's key: the value of a single-column key, or, for a composite key, an immutable
 *     {@code List<Object>} of the key values in key order
 * @param before every column of the row before the migration, by column name ({@code null} values kept)
 * @param after the same columns after the migration; {@code null} if the row would be deleted
 */
public record RowChange(Object id, Map<String, String> before, Map<String, String> after) {}
