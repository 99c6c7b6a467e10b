package dev.godwit.processor.behaviour;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A JPA entity whose id and names come from two mapped superclasses, with an embedded address whose
 * city is renamed, and a collection that is no column.
 */
@MigratedTable
@Entity
@Table(name = "owners")
public class Owner extends PersonBase {
  @Embedded
  @AttributeOverride(name = "city", column = @Column(name = "town"))
  private Residence address;

  @OneToMany(mappedBy = "owner")
  private List<Pet> pets = new ArrayList<>();

  @Widened
  @Backfill(method = "fullNameOf", batchSize = 2)
  private String fullName;

  public Owner() {}

  static Owner of(Integer id, String firstName, String lastName, Residence address) {
    Owner owner = new Owner();
    owner.setId(id);
    owner.setFirstName(firstName);
    owner.setLastName(lastName);
    owner.setAddress(address);
    return owner;
  }

  public static String fullNameOf(Owner owner) {
    return owner.getFirstName() + " " + owner.getLastName();
  }

  public Residence getAddress() {
    return address;
  }

  public void setAddress(Residence address) {
    this.address = address;
  }

  public List<Pet> getPets() {
    return pets;
  }

  public void setPets(List<Pet> pets) {
    this.pets = pets;
  }

  public String getFullName() {
    return fullName;
  }

  public void setFullName(String fullName) {
    this.fullName = fullName;
  }
}
