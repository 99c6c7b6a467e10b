package dev.godwit.runtime;

import java.util.List;

/**
 * An {@code accounts} table moving through the lifecycle, as three deploys of its code describe it:
 * a boolean {@code is_pro} becomes a {@code plan}, and a {@code legacy_code} column is retired and
 * dropped. Deploy 0 (the old schema) is created by plain SQL in {@link #createDeployZero}.
 */
final class Accounts {

  enum Plan { BASIC, PRO }

  /** One row; columns a deploy does not map are left null. */
  record Account(long id, String name, Boolean isPro, Plan plan, String legacyCode) {}

  static final Column<Account, Long> ID = Column.of("id", ColumnType.LONG);
  static final Column<Account, String> NAME = Column.of("name", ColumnType.STRING);
  static final Column<Account, Boolean> IS_PRO = Column.of("is_pro", ColumnType.BOOLEAN);
  static final Column<Account, Plan> PLAN = Column.of("plan", ColumnType.enumType(Plan.class));
  static final Column<Account, String> LEGACY_CODE = Column.of("legacy_code", ColumnType.STRING);

  /** Deploys 1 and 2 map every column. */
  static final Table<Account> TABLE = Table.of("accounts", ID,
      List.of(ID, NAME, IS_PRO, PLAN, LEGACY_CODE),
      row -> new Account(row.get(ID), row.get(NAME), row.get(IS_PRO), row.get(PLAN),
          row.get(LEGACY_CODE)),
      account -> Patch.of(Accounts.TABLE).set(ID, account.id()).set(NAME, account.name())
          .set(IS_PRO, account.isPro()).set(PLAN, account.plan())
          .set(LEGACY_CODE, account.legacyCode()));

  /** Deploy 3 no longer maps {@code legacy_code}. */
  static final Table<Account> CONTRACTED = Table.of("accounts", ID, List.of(ID, NAME, IS_PRO, PLAN),
      row -> new Account(row.get(ID), row.get(NAME), row.get(IS_PRO), row.get(PLAN), null),
      account -> Patch.of(Accounts.CONTRACTED).set(ID, account.id()).set(NAME, account.name())
          .set(IS_PRO, account.isPro()).set(PLAN, account.plan()));

  static final String BACKFILL = "accounts.backfillPlan";

  static final Verification<Account> PLAN_FILLED = Verification.of(TABLE, BACKFILL, PLAN.isNull());

  /** Fills {@code plan} from {@code is_pro}. */
  static Migration<Account> backfillPlan(int batchSize) {
    return Migration.on(TABLE, BACKFILL).batchSize(batchSize)
        .range(PLAN.isNull())
        .verifiedBy(PLAN.isNull())
        .migrateOne((ctx, account) -> Patch.of(TABLE)
            .set(PLAN, Boolean.TRUE.equals(account.isPro()) ? Plan.PRO : Plan.BASIC));
  }

  /** Deploy 1 (expand): {@code plan} widened, {@code is_pro} deprecated, {@code legacy_code} retiring. */
  static final TableSchema<Account> DEPLOY_1 = TableSchema.of(TABLE)
      .required(ID)
      .required(NAME, ColumnSchema.Size.length(100))
      .deprecated(IS_PRO)
      .widened(PLAN, PLAN_FILLED, ColumnSchema.Size.length(10))
      .retiring(LEGACY_CODE, ColumnSchema.Size.length(20))
      .build();

  /** Deploy 2 (narrow): {@code plan} narrowed, {@code is_pro} deprecated for removal too. */
  static final TableSchema<Account> DEPLOY_2 = TableSchema.of(TABLE)
      .required(ID)
      .required(NAME, ColumnSchema.Size.length(100))
      .retiring(IS_PRO)
      .narrowed(PLAN, PLAN_FILLED, ColumnSchema.Size.length(10))
      .retiring(LEGACY_CODE, ColumnSchema.Size.length(20))
      .build();

  /** Deploy 3 (contract): {@code legacy_code} removed. */
  static final TableSchema<Account> DEPLOY_3 = TableSchema.of(CONTRACTED)
      .required(ID)
      .required(NAME, ColumnSchema.Size.length(100))
      .retiring(IS_PRO)
      .narrowed(PLAN, Verification.of(CONTRACTED, BACKFILL, PLAN.isNull()),
          ColumnSchema.Size.length(10))
      .removed("legacy_code")
      .build();

  private Accounts() {}

  /** The table as deploy 0 left it: no {@code plan}, everything NOT NULL. */
  static void createDeployZero(Db db, int rows) {
    db.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
        + " is_pro BOOLEAN NOT NULL, legacy_code VARCHAR(20) NOT NULL)");
    if (rows > 0) {
      db.execute("INSERT INTO accounts (id, name, is_pro, legacy_code) SELECT x,"
          + " CONCAT('account ', x), MOD(x, 3) = 0, CONCAT('L', x) FROM " + switch (db.kind) {
            case H2 -> "SYSTEM_RANGE(1, " + rows + ")";
            case POSTGRES -> "generate_series(1, " + rows + ") AS g(x)";
            // MariaDB's sequence engine (MariaDB knowledge base, "Sequence Storage Engine")
            case MARIADB -> "(SELECT seq AS x FROM seq_1_to_" + rows + ") AS g";
          });
    }
  }
}
