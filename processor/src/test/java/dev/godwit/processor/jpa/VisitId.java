package dev.godwit.processor.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** A visit's composite key: the pet and the visit's number for that pet. */
@Embeddable
public class VisitId implements Serializable {

  @Column(name = "pet_id")
  private Integer petId;

  @Column(name = "visit_no")
  private Integer visitNo;

  public VisitId() {}

  public VisitId(Integer petId, Integer visitNo) {
    this.petId = petId;
    this.visitNo = visitNo;
  }

  public Integer getPetId() {
    return petId;
  }

  public void setPetId(Integer petId) {
    this.petId = petId;
  }

  public Integer getVisitNo() {
    return visitNo;
  }

  public void setVisitNo(Integer visitNo) {
    this.visitNo = visitNo;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VisitId id
        && Objects.equals(petId, id.petId) && Objects.equals(visitNo, id.visitNo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(petId, visitNo);
  }
}
