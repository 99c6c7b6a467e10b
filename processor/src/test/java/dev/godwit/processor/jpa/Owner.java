package dev.godwit.processor.jpa;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * A pet owner, mapped as a typical Spring sample clinic maps it, with Godwit's markers added: inherited
 * id and names, an embedded address with an override, an ordinal enum, two converters, a version, a
 * to-many relation, and a schema-qualified table.
 */
@Entity
@Table(name = "owners", schema = "clinic")
@MigratedTable
public class Owner extends Person {

  @Embedded
  @AttributeOverride(name = "city", column = @Column(name = "town"))
  private Address address;

  private String telephone;

  @Enumerated(EnumType.ORDINAL)
  private Tier tier;

  @Convert(converter = TagsConverter.class)
  private List<String> tags;

  @Convert(converter = YesNoConverter.class)
  private Boolean active;

  @Version
  private Integer version;

  @OneToMany(mappedBy = "owner")
  private List<Pet> pets = new ArrayList<>();

  @Widened
  @Backfill(method = "displayNameOf")
  @Column(name = "display_name")
  private String displayName;

  /** JPA's default for an enum with no {@code @Enumerated}: stored by ordinal. */
  @Widened
  @Backfill(value = "SILVER")
  private Tier loyalty;

  @Widened
  @Backfill(value = "true")
  @Convert(converter = YesNoConverter.class)
  private Boolean verified;

  public static String displayNameOf(Owner owner) {
    return owner.getFirstName() + " " + owner.getLastName();
  }

  public Address getAddress() {
    return address;
  }

  public void setAddress(Address address) {
    this.address = address;
  }

  public String getTelephone() {
    return telephone;
  }

  public void setTelephone(String telephone) {
    this.telephone = telephone;
  }

  public Tier getTier() {
    return tier;
  }

  public void setTier(Tier tier) {
    this.tier = tier;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags;
  }

  public Boolean getActive() {
    return active;
  }

  public void setActive(Boolean active) {
    this.active = active;
  }

  public Integer getVersion() {
    return version;
  }

  public void setVersion(Integer version) {
    this.version = version;
  }

  public List<Pet> getPets() {
    return pets;
  }

  public void setPets(List<Pet> pets) {
    this.pets = pets;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public Tier getLoyalty() {
    return loyalty;
  }

  public void setLoyalty(Tier loyalty) {
    this.loyalty = loyalty;
  }

  public Boolean getVerified() {
    return verified;
  }

  public void setVerified(Boolean verified) {
    this.verified = verified;
  }
}
