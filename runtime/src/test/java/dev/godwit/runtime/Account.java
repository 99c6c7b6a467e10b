package dev.godwit.runtime;

import java.util.List;

/** Accounts whose nested preferences (a JSON column) move to a table of their own. */
record Account(long id, String name, Account.Preferences preferences) {

  record Preferences(String theme, Boolean notifications) {
    static final JsonCodec<Preferences> CODEC = JsonCodec.object(Preferences.class,
        List.of("theme", "notifications"), List.of(JsonCodec.STRING, JsonCodec.BOOLEAN),
        prefs -> new Object[] {prefs.theme(), prefs.notifications()},
        values -> new Preferences((String) values[0], (Boolean) values[1]));
  }

  static final Column<Account, Long> ID = Column.of("id", ColumnType.LONG);
  static final Column<Account, String> NAME = Column.of("name", ColumnType.STRING);
  static final Column<Account, Preferences> PREFERENCES =
      Column.of("preferences", ColumnType.json(Preferences.CODEC));

  static final Table<Account> TABLE = Table.of("accounts", ID, List.of(ID, NAME, PREFERENCES),
      row -> new Account(row.get(ID), row.get(NAME), row.get(PREFERENCES)),
      account -> Patch.of(Account.TABLE).set(ID, account.id()).set(NAME, account.name())
          .set(PREFERENCES, account.preferences()));

  static Preferences preferencesOf(long id) {
    return new Preferences(id % 2 == 0 ? "dark" : "light", id % 3 == 0);
  }

  /** The new home of an account's preferences. */
  record Settings(Long id, long accountId, String theme, Boolean notifications) {
    static final Column<Settings, Long> ID = Column.of("id", ColumnType.LONG);
    static final Column<Settings, Long> ACCOUNT_ID = Column.of("account_id", ColumnType.LONG);
    static final Column<Settings, String> THEME = Column.of("theme", ColumnType.STRING);
    static final Column<Settings, Boolean> NOTIFICATIONS =
        Column.of("notifications", ColumnType.BOOLEAN);

    static final Table<Settings> TABLE = Table.of("account_settings", ID,
        List.of(ID, ACCOUNT_ID, THEME, NOTIFICATIONS),
        row -> new Settings(row.get(ID), row.get(ACCOUNT_ID), row.get(THEME), row.get(NOTIFICATIONS)),
        settings -> Patch.of(Settings.TABLE).set(ID, settings.id())
            .set(ACCOUNT_ID, settings.accountId()).set(THEME, settings.theme())
            .set(NOTIFICATIONS, settings.notifications()));

    /** The settings row of an account, its id left to the database. */
    static Patch<Settings> of(long accountId, Preferences preferences) {
      return Patch.of(TABLE).set(ACCOUNT_ID, accountId).set(THEME, preferences.theme())
          .set(NOTIFICATIONS, preferences.notifications());
    }
  }
}
