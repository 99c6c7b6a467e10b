package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Accounts.Account;
import dev.godwit.runtime.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The MySQL dialect's nullability steps on the embedded MariaDB: a {@code MODIFY COLUMN} restates
 * the column's whole definition, so everything but its nullability must come through unchanged.
 */
class MySqlSchemaStepsTest {

  /** {@code legacy_code} retiring (drop NOT NULL), {@code plan} required (set NOT NULL). */
  private static final TableSchema<Account> SCHEMA = TableSchema.of(Accounts.TABLE)
      .required(Accounts.ID)
      .required(Accounts.NAME, ColumnSchema.Size.length(100))
      .optional(Accounts.IS_PRO)
      .required(Accounts.PLAN, ColumnSchema.Size.length(10))
      .retiring(Accounts.LEGACY_CODE, ColumnSchema.Size.length(20))
      .build();

  @Test
  void dropAndSetNotNullKeepTheCharacterSetCollationDefaultAndComment() {
    Db db = new Db(TestDatabase.MARIADB);
    db.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
        + " is_pro BOOLEAN, legacy_code VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_bin"
        + " NOT NULL DEFAULT 'L-0' COMMENT 'was NOT NULL (DEFAULT NULL)',"
        + " plan VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL"
        + " COMMENT 'a plan''s NULL name')",
        "INSERT INTO accounts (id, name, is_pro, legacy_code, plan) VALUES (1, 'a', TRUE, 'L1',"
            + " 'PRO')");
    Migrator migrator = db.migrator();

    SchemaPlan plan = migrator.plan(List.of(SCHEMA));
    assertEquals(List.of("ALTER TABLE `accounts` MODIFY COLUMN `legacy_code` varchar(20)"
        + " CHARACTER SET latin1 COLLATE latin1_bin NULL DEFAULT 'L-0' COMMENT 'was NOT NULL"
        + " (DEFAULT NULL)', ALGORITHM=INPLACE, LOCK=NONE"),
        plan.steps(Phase.EXPAND).get(0).statements());
    assertEquals(List.of("ALTER TABLE `accounts` MODIFY COLUMN `plan` varchar(10) CHARACTER SET"
        + " utf8mb4 COLLATE utf8mb4_bin COMMENT 'a plan''s NULL name' NOT NULL,"
        + " ALGORITHM=INPLACE, LOCK=NONE"), plan.steps(Phase.NARROW).get(0).statements());
    assertTrue(plan.steps(Phase.NARROW).get(0).description().endsWith("no NOT VALID exists to"
        + " avoid it."), plan.steps(Phase.NARROW).get(0).description());

    migrator.apply(List.of(SCHEMA), Phase.EXPAND);
    migrator.apply(List.of(SCHEMA), Phase.NARROW);

    assertEquals(List.of(
        "`legacy_code` varchar(20) CHARACTER SET latin1 COLLATE latin1_bin DEFAULT 'L-0' COMMENT"
            + " 'was NOT NULL (DEFAULT NULL)',",
        "`plan` varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL COMMENT 'a"
            + " plan''s NULL name',"),
        db.rows("SHOW CREATE TABLE accounts").get(0).values().stream().skip(1)
            .flatMap(create -> String.valueOf(create).lines()).map(String::strip)
            .filter(line -> line.startsWith("`legacy_code`") || line.startsWith("`plan`"))
            .toList());
    assertTrue(migrator.plan(List.of(SCHEMA)).isEmpty());
    assertEquals(1, db.count("SELECT COUNT(*) FROM accounts WHERE legacy_code = 'L1'"
        + " AND plan = 'PRO'"));
  }

  @Test
  void aGeneratedColumnIsNotRestated() {
    Db db = new Db(TestDatabase.MARIADB);
    db.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
        + " is_pro BOOLEAN, legacy_code VARCHAR(20) AS (CONCAT('L', id)) PERSISTENT,"
        + " plan VARCHAR(10) NOT NULL)");

    MigrationException refused = assertThrows(MigrationException.class,
        () -> db.migrator().plan(List.of(TableSchema.of(Accounts.TABLE)
            .required(Accounts.ID).required(Accounts.NAME, ColumnSchema.Size.length(100))
            .optional(Accounts.IS_PRO).required(Accounts.PLAN, ColumnSchema.Size.length(10))
            .required(Accounts.LEGACY_CODE, ColumnSchema.Size.length(20)).build())));

    assertEquals(ErrorCode.SCHEMA_NOT_PLANNABLE, refused.code());
    assertEquals("Cannot plan the schema of accounts: `legacy_code` of `accounts` is a generated"
        + " column, whose nullability Godwit does not restate; make column legacy_code NOT NULL"
        + " by hand once its guards hold.", refused.getMessage());
  }
}
