package dev.godwit.processor.behaviour;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A JPA entity of a table in another schema than the connection's, with an optimistic-lock version. */
@MigratedTable
@Entity
@Table(name = "teams", schema = "billing")
public class BillingTeam {
  @Id Long id;

  String name;

  @Version Long version;

  @Widened
  @Backfill(method = "slugOf")
  String slug;

  public BillingTeam() {}

  static String slugOf(BillingTeam team) {
    return team.name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
  }
}
