package dev.godwit.processor.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A kind of pet; the target of a relation, not migrated itself. */
@Entity
@Table(name = "types")
public class PetType extends NamedEntity {}
