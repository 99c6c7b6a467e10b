package dev.godwit.cli.testing;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnSchema;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationProvider;
import dev.godwit.runtime.Patch;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.TableSchema;
import dev.godwit.runtime.Verification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An {@code accounts} table through three deploys of its code, each a provider publishing its
 * schema and its backfill as generated code would: deploy 1 widens {@code plan} (backfilled from
 * {@code is_pro}) and retires {@code legacy_code}; deploy 2 narrows {@code plan}; deploy 3 removes
 * {@code legacy_code}. None is listed in the test class path's services file: a test puts one on the
 * command line's class path with {@link #classPath}, as an operator puts the deployed jar.
 */
public final class AccountDeploys {

  /** One row. */
  public record Account(long id, String name, Boolean isPro, String plan, String legacyCode) {}

  public static final Column<Account, Long> ID = Column.of("id", ColumnType.LONG);
  public static final Column<Account, String> NAME = Column.of("name", ColumnType.STRING);
  public static final Column<Account, Boolean> IS_PRO = Column.of("is_pro", ColumnType.BOOLEAN);
  public static final Column<Account, String> PLAN = Column.of("plan", ColumnType.STRING);
  public static final Column<Account, String> LEGACY_CODE = Column.of("legacy_code", ColumnType.STRING);

  /** Deploys 1 and 2 map every column. */
  public static final Table<Account> TABLE = Table.of("accounts", ID,
      List.of(ID, NAME, IS_PRO, PLAN, LEGACY_CODE),
      row -> new Account(row.get(ID), row.get(NAME), row.get(IS_PRO), row.get(PLAN),
          row.get(LEGACY_CODE)),
      account -> new Patch<Account>().set(ID, account.id()).set(NAME, account.name())
          .set(IS_PRO, account.isPro()).set(PLAN, account.plan())
          .set(LEGACY_CODE, account.legacyCode()));

  /** Deploy 3 no longer maps {@code legacy_code}. */
  public static final Table<Account> CONTRACTED = Table.of("accounts", ID,
      List.of(ID, NAME, IS_PRO, PLAN),
      row -> new Account(row.get(ID), row.get(NAME), row.get(IS_PRO), row.get(PLAN), null),
      account -> new Patch<Account>().set(ID, account.id()).set(NAME, account.name())
          .set(IS_PRO, account.isPro()).set(PLAN, account.plan()));

  public static final String BACKFILL = "accounts.backfillPlan";

  private static Migration<Account> backfill(Table<Account> table) {
    return Migration.on(table, BACKFILL).batchSize(10)
        .range(PLAN.isNull())
        .verifiedBy(PLAN.isNull())
        .migrateOne((context, account) ->
            Patch.of(table).set(PLAN, Boolean.TRUE.equals(account.isPro()) ? "PRO" : "BASIC"));
  }

  /** Deploy 1: {@code plan} widened, {@code is_pro} deprecated, {@code legacy_code} retiring. */
  public static final class Deploy1 implements MigrationProvider {
    private static final Migration<Account> BACKFILL_PLAN = backfill(TABLE);
    private static final TableSchema<Account> SCHEMA = TableSchema.of(TABLE)
        .required(ID)
        .required(NAME, ColumnSchema.Size.length(100))
        .deprecated(IS_PRO)
        .widened(PLAN, BACKFILL_PLAN.verification().orElseThrow(), ColumnSchema.Size.length(10))
        .retiring(LEGACY_CODE, ColumnSchema.Size.length(20))
        .build();

    @Override
    public List<Migration<?>> migrations() {
      return List.of(BACKFILL_PLAN);
    }

    @Override
    public List<TableSchema<?>> schemas() {
      return List.of(SCHEMA);
    }
  }

  /** Deploy 2: {@code plan} narrowed, {@code is_pro} retiring too. */
  public static final class Deploy2 implements MigrationProvider {
    private static final Migration<Account> BACKFILL_PLAN = backfill(TABLE);
    private static final TableSchema<Account> SCHEMA = TableSchema.of(TABLE)
        .required(ID)
        .required(NAME, ColumnSchema.Size.length(100))
        .retiring(IS_PRO)
        .narrowed(PLAN, BACKFILL_PLAN.verification().orElseThrow(), ColumnSchema.Size.length(10))
        .retiring(LEGACY_CODE, ColumnSchema.Size.length(20))
        .build();

    @Override
    public List<Migration<?>> migrations() {
      return List.of(BACKFILL_PLAN);
    }

    @Override
    public List<TableSchema<?>> schemas() {
      return List.of(SCHEMA);
    }
  }

  /** Deploy 3: {@code legacy_code} removed. */
  public static final class Deploy3 implements MigrationProvider {
    private static final TableSchema<Account> SCHEMA = TableSchema.of(CONTRACTED)
        .required(ID)
        .required(NAME, ColumnSchema.Size.length(100))
        .retiring(IS_PRO)
        .narrowed(PLAN, Verification.of(CONTRACTED, BACKFILL, PLAN.isNull()),
            ColumnSchema.Size.length(10))
        .removed("legacy_code")
        .build();

    @Override
    public List<Migration<?>> migrations() {
      return List.of();
    }

    @Override
    public List<TableSchema<?>> schemas() {
      return List.of(SCHEMA);
    }
  }

  private AccountDeploys() {}

  /**
   * A folder for {@code --class-path} that publishes one deploy's provider, as its jar would: only a
   * services file, the classes being on the test class path already.
   */
  public static String classPath(Path folder, Class<? extends MigrationProvider> deploy) {
    Path root = folder.resolve(deploy.getSimpleName().toLowerCase(java.util.Locale.ROOT));
    try {
      Path services = Files.createDirectories(root.resolve("META-INF/services"));
      Files.writeString(services.resolve(MigrationProvider.class.getName()), deploy.getName() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return root.toString();
  }

  /** The table as deploy 0 left it: no {@code plan}, everything NOT NULL; ids 1.., every third pro. */
  public static void createDeployZero(CliDatabase database, int rows) {
    database.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
        + " is_pro BOOLEAN NOT NULL, legacy_code VARCHAR(20) NOT NULL)");
    String[] inserts = new String[rows];
    for (int id = 1; id <= rows; id++) {
      inserts[id - 1] = "INSERT INTO accounts (id, name, is_pro, legacy_code) VALUES (" + id
          + ", 'account " + id + "', " + (id % 3 == 0) + ", 'L" + id + "')";
    }
    database.execute(inserts);
  }
}
