package dev.godwit.processor.behaviour;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Two owning to-one relations: one with a named join column, one with JPA's default. */
@MigratedTable
@Entity
@Table(name = "relation_pets")
public class Pet extends BaseEntity {
  private String name;

  @ManyToOne
  @JoinColumn(name = "type_id")
  private PetType type;

  @ManyToOne(fetch = FetchType.LAZY)
  private Owner owner;

  @Widened
  @Backfill(method = "labelOf")
  private String label;

  static Pet of(Integer id, String name, Integer typeId, Integer ownerId) {
    Pet pet = new Pet();
    pet.setId(id);
    pet.setName(name);
    if (typeId != null) {
      PetType type = new PetType();
      type.setId(typeId);
      pet.setType(type);
    }
    if (ownerId != null) {
      Owner owner = new Owner();
      owner.setId(ownerId);
      pet.setOwner(owner);
    }
    return pet;
  }

  public static String labelOf(Pet pet) {
    String type = pet.getType() == null ? "untyped" : "type " + pet.getType().getId();
    String owner = pet.getOwner() == null ? "nobody" : "owner " + pet.getOwner().getId();
    return pet.getName() + ", " + type + ", of " + owner;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
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

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }
}
