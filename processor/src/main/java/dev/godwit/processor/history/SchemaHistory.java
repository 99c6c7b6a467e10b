package dev.godwit.processor.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The committed schema snapshots of a build: one JSON file per table in the directory the processor
 * option {@code godwit.schemaDir} names, each the baseline of its table, what was last deployed.
 *
 * <p>The files are read and written with {@code java.nio} rather than through the compiler's
 * {@code Filer}: a baseline belongs beside the sources, under version control, while every location a
 * {@code Filer} writes to is build output that a clean build deletes, and a {@code Filer} can neither
 * read a file it did not create in this compilation nor create one twice. A relative directory is
 * resolved against the compiler's working directory, which differs between build tools, so builds
 * should pass an absolute one ({@code ${project.basedir}/src/main/godwit}).
 */
public final class SchemaHistory {

  private final Path directory;
  private final Map<String, Snapshot> byTable = new TreeMap<>();
  private final Map<String, Path> files = new TreeMap<>();

  private SchemaHistory(Path directory) {
    this.directory = directory;
  }

  /**
   * Reads every snapshot of a directory; a directory that does not exist yet holds none.
   *
   * @param directory the snapshot directory
   * @return the history
   * @throws SnapshotException if a file cannot be read or is no snapshot, naming the file
   */
  public static SchemaHistory read(Path directory) {
    SchemaHistory history = new SchemaHistory(directory);
    if (!Files.isDirectory(directory)) {
      return history;
    }
    List<Path> found;
    try (Stream<Path> listed = Files.list(directory)) {
      found = listed.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new SnapshotException(directory, e.toString());
    }
    for (Path file : found) {
      Snapshot snapshot;
      try {
        snapshot = SnapshotJson.read(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException | IllegalArgumentException e) {
        throw new SnapshotException(file, e.getMessage());
      }
      history.byTable.put(snapshot.qualifiedTable(), snapshot);
      history.files.put(snapshot.qualifiedTable(), file);
    }
    return history;
  }

  /**
   * The baseline of a table.
   *
   * @param qualifiedTable the table's name with its schema, exact names without quotes
   * @return its snapshot, or empty when none was committed
   */
  public Optional<Snapshot> baseline(String qualifiedTable) {
    return Optional.ofNullable(byTable.get(qualifiedTable));
  }

  /**
   * The baseline an entity class had under another table: the sign of a table renamed in place.
   *
   * @param entity the entity class's qualified name
   * @param qualifiedTable the table it maps now
   * @return the snapshot of another table taken from the same class, if there is one
   */
  public Optional<Snapshot> baselineElsewhere(String entity, String qualifiedTable) {
    return byTable.values().stream()
        .filter(snapshot -> snapshot.entity().equals(entity))
        .filter(snapshot -> !snapshot.qualifiedTable().equals(qualifiedTable))
        .findFirst();
  }

  /**
   * The file a table's snapshot is, or would be, kept in: {@code <schema>.<table>.json}, with every
   * character other than letters, digits, {@code _}, {@code .} and {@code -} written as {@code _}.
   *
   * @param qualifiedTable the table's name with its schema
   * @return the path in the snapshot directory
   */
  public Path file(String qualifiedTable) {
    Path known = files.get(qualifiedTable);
    if (known != null) {
      return known;
    }
    return directory.resolve(qualifiedTable.replaceAll("[^A-Za-z0-9_.-]", "_") + ".json");
  }

  /**
   * Writes a snapshot as its table's baseline, replacing the one there was.
   *
   * @param snapshot the snapshot
   * @return the file written
   * @throws SnapshotException if the file cannot be written
   */
  public Path write(Snapshot snapshot) {
    Path file = file(snapshot.qualifiedTable());
    try {
      Files.createDirectories(directory);
      Files.writeString(file, SnapshotJson.write(snapshot), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SnapshotException(file, e.toString());
    }
    byTable.put(snapshot.qualifiedTable(), snapshot);
    files.put(snapshot.qualifiedTable(), file);
    return file;
  }

  /** A snapshot file that cannot be read or written. */
  public static final class SnapshotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Path file;

    SnapshotException(Path file, String reason) {
      super(reason);
      this.file = file;
    }

    /**
     * The file.
     *
     * @return its path
     */
    public Path file() {
      return file;
    }
  }

  /**
   * The tables that have a baseline.
   *
   * @return their schema-qualified names, sorted
   */
  public List<String> tables() {
    return new ArrayList<>(byTable.keySet());
  }
}
