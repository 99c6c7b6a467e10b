package dev.godwit.processor.jpa;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A pet: a named entity with two to-one relations and a species derived from its type. */
@Entity
@Table(name = "pets")
@MigratedTable
public class Pet extends NamedEntity {

  @Column(name = "birth_date")
  private LocalDate birthDate;

  @ManyToOne
  @JoinColumn(name = "type_id")
  private PetType type;

  /** Joined through JPA's default column name, {@code owner_id}. */
  @ManyToOne
  private Owner owner;

  /** No {@code @Enumerated}: stored by ordinal, JPA's default. */
  @Widened
  @Backfill(method = "speciesOf")
  private Species species;

  public static Species speciesOf(Pet pet) {
    if (pet.getType() == null) {
      return Species.OTHER;
    }
    return switch (pet.getType().getId()) {
      case 1 -> Species.CAT;
      case 2 -> Species.DOG;
      default -> Species.OTHER;
    };
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public void setBirthDate(LocalDate birthDate) {
    this.birthDate = birthDate;
  }

  public PetType getType() {
    return type;
  }

  public void setType(PetType type) {
    this.type = type;
  }

  public Owner getOwner() {
    return owner;
  }

  public void setOwner(Owner owner) {
    this.owner = owner;
  }

  public Species getSpecies() {
    return species;
  }

  public void setSpecies(Species species) {
    this.species = species;
  }
}
