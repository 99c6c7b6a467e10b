package dev.godwit.processor.jpa;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A table whose names were created quoted, in mixed case ({@code "Clients"("isPro", "planName")}), as
 * several ORMs and hand-written schemas create them, keyed by two {@code @Id} fields and an
 * {@code @IdClass}.
 */
@Entity
@Table(name = "\"Clients\"")
@IdClass(CustomerKey.class)
@MigratedTable
public class Customer {

  @Id
  private String region;

  @Id
  private Integer number;

  @Column(name = "\"isPro\"")
  private Boolean isPro;

  @Widened
  @Backfill(method = "planOf")
  @Column(name = "\"planName\"")
  private String planName;

  public static String planOf(Customer customer) {
    return Boolean.TRUE.equals(customer.getIsPro()) ? "pro" : "basic";
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public Integer getNumber() {
    return number;
  }

  public void setNumber(Integer number) {
    this.number = number;
  }

  public Boolean getIsPro() {
    return isPro;
  }

  public void setIsPro(Boolean isPro) {
    this.isPro = isPro;
  }

  public String getPlanName() {
    return planName;
  }

  public void setPlanName(String planName) {
    this.planName = planName;
  }
}
