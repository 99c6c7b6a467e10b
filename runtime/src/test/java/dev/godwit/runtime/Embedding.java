package dev.godwit.runtime;

import java.util.List;

/** Embeddings, some of which no chunk refers to any more. */
record Embedding(long id, String vector) {

  static final Column<Embedding, Long> ID = Column.of("id", ColumnType.LONG);
  static final Column<Embedding, String> VECTOR = Column.of("vector", ColumnType.STRING);

  static final Table<Embedding> TABLE = Table.of("embeddings", ID, List.of(ID, VECTOR),
      row -> new Embedding(row.get(ID), row.get(VECTOR)),
      embedding -> Patch.of(Embedding.TABLE).set(ID, embedding.id()).set(VECTOR, embedding.vector()));

  /** A chunk of text and the embedding it uses. */
  record Chunk(long id, long embeddingId) {
    static final Column<Chunk, Long> ID = Column.of("id", ColumnType.LONG);
    static final Column<Chunk, Long> EMBEDDING_ID = Column.of("embedding_id", ColumnType.LONG);

    static final Table<Chunk> TABLE = Table.of("chunks", ID, List.of(ID, EMBEDDING_ID),
        row -> new Chunk(row.get(ID), row.get(EMBEDDING_ID)),
        chunk -> Patch.of(Chunk.TABLE).set(ID, chunk.id()).set(EMBEDDING_ID, chunk.embeddingId()));
  }
}
