package dev.godwit.example.spring;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A member, in its deploy-2 form: {@code role} was widened and backfilled by the previous deploy and
 * is now required (narrowed). Its backfill stays declared, so the startup check can say which
 * migration fills the rows that still lack a role: this code refuses to start over such rows.
 */
@Entity
@Table(name = "members")
@MigratedTable("members")
public class Member {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String email;

  @Backfill("MEMBER")
  @Enumerated(EnumType.STRING)
  private Role role;

  /** For Hibernate and Godwit. */
  public Member() {}

  /**
   * The id.
   *
   * @return the id, or {@code null} before the first save
   */
  public Long getId() {
    return id;
  }

  /**
   * Sets the id.
   *
   * @param id the id
   */
  public void setId(Long id) {
    this.id = id;
  }

  /**
   * The e-mail address.
   *
   * @return the address
   */
  public String getEmail() {
    return email;
  }

  /**
   * Sets the e-mail address.
   *
   * @param email the address
   */
  public void setEmail(String email) {
    this.email = email;
  }

  /**
   * The role, present in every row.
   *
   * @return the role
   */
  public Role getRole() {
    return role;
  }

  /**
   * Sets the role.
   *
   * @param role the role
   */
  public void setRole(Role role) {
    this.role = role;
  }
}
