package dev.godwit.processor.jpa;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/**
 * Every way JPA says a column is required or how large it is, and every role a column can have, for
 * comparing the generated {@code SCHEMA} with the table Hibernate creates.
 */
@MigratedTable
@Entity
@Table(name = "invoices")
@SuppressWarnings("DeprecatedIsStillUsed")
public class Invoice {
  @Id Long id;

  @Column(nullable = false, length = 40)
  String number;

  String note;

  @Basic(optional = false)
  String customer;

  @Column(precision = 10, scale = 3)
  BigDecimal amount;

  BigDecimal tax;

  @Column(precision = 12)
  BigDecimal total;

  int lines;

  Boolean settled;

  @Enumerated(EnumType.STRING)
  Tier tier;

  @Enumerated
  Tier rank;

  @Convert(converter = YesNoConverter.class)
  Boolean paid;

  @ManyToOne(optional = false)
  PetType kind;

  @ManyToOne
  @JoinColumn(name = "second_kind", nullable = false)
  PetType secondKind;

  @ManyToOne
  PetType thirdKind;

  @ManyToOne
  Region region;

  @Embedded
  @AttributeOverride(name = "city", column = @Column(name = "billing_city", nullable = false, length = 60))
  Address billing;

  @Version
  Integer version;

  @Widened
  @Backfill(value = "EUR")
  @Column(length = 3)
  String currency;

  @Deprecated
  String legacyCode;

  @Deprecated(forRemoval = true)
  String oldReference;

  @Backfill(value = "0")
  @Column(nullable = false, precision = 12, scale = 2)
  BigDecimal discount;
}
