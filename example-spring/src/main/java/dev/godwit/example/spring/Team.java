package dev.godwit.example.spring;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A team, mapped by Hibernate, in its deploy-1 form: the old {@code isPro} flag is deprecated but
 * still written, and the widened {@code plan} is written by new code and backfilled for old rows.
 */
@Entity
@Table(name = "teams")
@MigratedTable("teams")
public class Team {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Deprecated
  private Boolean isPro;

  @Widened
  @Backfill(method = "planOf", batchSize = 200)
  @Enumerated(EnumType.STRING)
  private Plan plan;

  /** For Hibernate and Godwit. */
  public Team() {}

  /**
   * A new team, written in both formats.
   *
   * @param name its name
   * @param plan its plan
   */
  @SuppressWarnings("deprecation")
  public Team(String name, Plan plan) {
    this.name = name;
    this.plan = plan;
    this.isPro = plan == Plan.PRO;
  }

  /**
   * The plan an old row gets: PRO for a team that was pro.
   *
   * @param team a team written by the old code
   * @return its plan
   */
  @SuppressWarnings("deprecation")
  public static Plan planOf(Team team) {
    return Boolean.TRUE.equals(team.getIsPro()) ? Plan.PRO : Plan.BASIC;
  }

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
   * The name.
   *
   * @return the name
   */
  public String getName() {
    return name;
  }

  /**
   * Sets the name.
   *
   * @param name the name
   */
  public void setName(String name) {
    this.name = name;
  }

  /**
   * The old flag.
   *
   * @return whether the team was pro, as the old code wrote it
   * @deprecated read {@link TeamDualRead#plan(Team)} instead
   */
  @Deprecated
  public Boolean getIsPro() {
    return isPro;
  }

  /**
   * Sets the old flag.
   *
   * @param isPro whether the team is pro
   * @deprecated write {@link #setPlan(Plan)}, which writes both
   */
  @Deprecated
  public void setIsPro(Boolean isPro) {
    this.isPro = isPro;
  }

  /**
   * The plan as stored: {@code null} in a row the backfill has not reached; read {@link
   * TeamDualRead#plan(Team)} for the right value of every row.
   *
   * @return the stored plan
   */
  public Plan getPlan() {
    return plan;
  }

  /**
   * Sets the stored plan alone, as Hibernate and Godwit do when they read a row; the application
   * changes a plan with {@link #changePlan(Plan)}.
   *
   * @param plan the plan
   */
  public void setPlan(Plan plan) {
    this.plan = plan;
  }

  /**
   * Changes the plan, and the old flag with it, so that old instances still read it right. A
   * setter must not do this: readers set the fields one by one, in any order.
   *
   * @param plan the new plan
   */
  @SuppressWarnings("deprecation")
  public void changePlan(Plan plan) {
    this.plan = plan;
    this.isPro = plan == Plan.PRO;
  }
}
