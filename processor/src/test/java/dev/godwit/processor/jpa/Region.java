package dev.godwit.processor.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A region, keyed by a short code: the join columns referring to it take the code's length. */
@Entity
@Table(name = "regions")
public class Region {
  @Id
  @Column(length = 8)
  String code;
}
