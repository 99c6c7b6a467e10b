package dev.godwit.example.model;

import dev.godwit.Id;
import dev.godwit.MigratedTable;

/**
 * A chunk of a document, pointing at its embedding.
 *
 * @param id the primary key
 * @param embeddingId the embedding computed for it
 * @param text the chunk's text
 */
@MigratedTable("chunks")
public record Chunk(@Id long id, long embeddingId, String text) {}
