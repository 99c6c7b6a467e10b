package com.example;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.Patch;
import dev.godwit.runtime.Row;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.TableSchema;
import java.sql.SQLException;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The {@code accounts} table of {@link Account}: its columns, how its rows map to entities, and a typed
 * patch builder.
 */
@Generated("dev.godwit.processor.GodwitProcessor")
@SuppressWarnings({"deprecation", "removal"})
public final class AccountTable {
  /**
   * Column {@code id}, of field {@code id}, the primary key.
   */
  public static final Column<Account, Long> ID = Column.of("id", ColumnType.LONG);

  /**
   * Column {@code email}, of field {@code email}.
   */
  public static final Column<Account, String> EMAIL = Column.of("email", ColumnType.STRING);

  /**
   * Column {@code is_pro}, of field {@code isPro}.
   */
  public static final Column<Account, Boolean> IS_PRO = Column.of("is_pro", ColumnType.BOOLEAN);

  /**
   * Column {@code plan}, of field {@code plan}.
   */
  public static final Column<Account, Plan> PLAN = Column.of("plan",
      ColumnType.enumType(Plan.class));

  /**
   * Column {@code nickname}, of field {@code nickname}.
   */
  public static final Column<Account, String> NICKNAME = Column.of("nickname", ColumnType.STRING);

  /**
   * Column {@code seats}, of field {@code seats}.
   */
  public static final Column<Account, Integer> SEATS = Column.of("seats", ColumnType.INTEGER);

  /**
   * The table, ordered by {@link #ID}.
   */
  public static final Table<Account> TABLE = Table.of("accounts", ID, List.of(ID, EMAIL, IS_PRO,
      PLAN, NICKNAME, SEATS), AccountTable::read, AccountTable::write);

  /**
   * What this code expects of the table: each column's role in the lifecycle (required,
   * optional, widened or narrowed with the backfill that fills it, deprecated, or retiring),
   * its declared size, and the columns declared removed. The migrator compares it with the
   * database's catalog to plan, apply and check the schema steps of each phase.
   */
  public static final TableSchema<Account> SCHEMA = TableSchema.of(TABLE)
      .required(ID)
      .optional(EMAIL)
      .retiring(IS_PRO)
      .narrowed(PLAN, AccountVerification.backfillPlan())
      .deprecated(NICKNAME)
      .required(SEATS)
      .removed("legacy")
      .build();

  private AccountTable() {
  }

  /**
   * A patch that sets nothing yet; each of its methods sets one column.
   *
   * @return a new, empty patch
   */
  public static AccountPatch patch() {
    return new AccountPatch();
  }

  private static Account read(Row row) throws SQLException {
    return new Account(
        row.get(ID),
        row.get(EMAIL),
        row.get(IS_PRO),
        row.get(PLAN),
        row.get(NICKNAME),
        row.get(SEATS));
  }

  private static Patch<Account> write(Account account) {
    return patch()
        .id(account.getId())
        .email(account.getEmail())
        .isPro(account.isPro())
        .plan(account.getPlan())
        .nickname(account.getNickname())
        .seats(account.getSeats());
  }

  /**
   * A typed patch of {@code accounts} rows: each method sets one column, {@code null} clears it.
   */
  public static final class AccountPatch extends Patch<Account> {
    private AccountPatch() {
    }

    /**
     * Sets column {@code id}.
     *
     * @param value the new value
     * @return this patch
     */
    public AccountPatch id(long value) {
      set(ID, value);
      return this;
    }

    /**
     * Sets column {@code email}.
     *
     * @param value the new value
     * @return this patch
     */
    public AccountPatch email(String value) {
      set(EMAIL, value);
      return this;
    }

    /**
     * Sets column {@code is_pro}.
     *
     * @param value the new value
     * @return this patch
     */
    public AccountPatch isPro(Boolean value) {
      set(IS_PRO, value);
      return this;
    }

    /**
     * Sets column {@code plan}.
     *
     * @param value the new value
     * @return this patch
     */
    public AccountPatch plan(Plan value) {
      set(PLAN, value);
      return this;
    }

    /**
     * Sets column {@code nickname}.
     *
     * @param value the new value
     * @return this patch
     */
    public AccountPatch nickname(String value) {
      set(NICKNAME, value);
      return this;
    }

    /**
     * Sets column {@code seats}.
     *
     * @param value the new value
     * @return this patch
     */
    public AccountPatch seats(int value) {
      set(SEATS, value);
      return this;
    }
  }
}
