package dev.godwit.example.model;

import dev.godwit.Id;
import dev.godwit.MigratedTable;

/**
 * A stored embedding of a document chunk; embeddings whose chunk is gone are orphans.
 *
 * @param id the primary key
 * @param model the model that computed it
 * @param vector the vector, as text
 */
@MigratedTable("embeddings")
public record Embedding(@Id long id, String model, String vector) {}
