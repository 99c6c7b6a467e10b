package com.example;

import dev.godwit.Backfill;
import dev.godwit.Id;
import dev.godwit.MigratedTable;

/**
 * An account in the deploy after its change: {@code plan} is narrowed (it keeps its {@code @Backfill}
 * and drops {@code @Widened}), {@code isPro}, which only that backfill still reads, is retiring and
 * gets a clear, {@code nickname} is deprecated, and the {@code legacy} column is declared removed.
 */
@MigratedTable(value = "accounts", removed = "legacy")
public class Account {
  @Id private final long id;

  private final String email;

  @Deprecated(forRemoval = true)
  private final Boolean isPro;

  @Backfill(method = "planOf")
  private final Plan plan;

  @Deprecated
  private final String nickname;

  private final int seats;

  public Account(long id, String email, Boolean isPro, Plan plan, String nickname, int seats) {
    this.id = id;
    this.email = email;
    this.isPro = isPro;
    this.plan = plan;
    this.nickname = nickname;
    this.seats = seats;
  }

  static Plan planOf(Account account) {
    return Boolean.TRUE.equals(account.isPro) ? Plan.PRO : Plan.FREE;
  }

  public long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  @Deprecated(forRemoval = true)
  public Boolean isPro() {
    return isPro;
  }

  public Plan getPlan() {
    return plan;
  }

  @Deprecated
  public String getNickname() {
    return nickname;
  }

  public int getSeats() {
    return seats;
  }
}
