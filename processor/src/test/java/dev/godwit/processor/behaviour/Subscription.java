package dev.godwit.processor.behaviour;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A JPA entity whose enums are stored by ordinal, in SMALLINT columns: {@code tier} says so with
 * {@code @Enumerated(ORDINAL)}, the widened ones by JPA's default.
 */
@MigratedTable
@Entity
@Table(name = "subscriptions")
public class Subscription {
  @Id Long id;

  @Enumerated(EnumType.ORDINAL)
  Tier tier;

  @Widened
  @Backfill(method = "nextTierOf")
  Tier nextTier;

  @Widened
  @Backfill(value = "PRO")
  Tier trialTier;

  public Subscription() {}

  /** The tier above the current one; the top tier stays. */
  static Tier nextTierOf(Subscription subscription) {
    Tier[] tiers = Tier.values();
    return tiers[Math.min(subscription.tier.ordinal() + 1, tiers.length - 1)];
  }
}
