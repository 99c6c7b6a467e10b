package dev.godwit.processor.behaviour;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A JPA entity of a table created with quoted, mixed-case names, {@code "Customers"("isPro",
 * "planName")}, as several ORMs and hand-written schemas create them.
 */
@MigratedTable
@Entity
@Table(name = "\"Customers\"")
public class Customer {
  @Id
  @Column(name = "\"id\"")
  Long id;

  @Column(name = "`isPro`")
  Boolean isPro;

  @Widened
  @Backfill(method = "planNameOf")
  @Column(name = "\"planName\"")
  String planName;

  public Customer() {}

  static String planNameOf(Customer customer) {
    return customer.isPro ? "pro" : "basic";
  }
}
