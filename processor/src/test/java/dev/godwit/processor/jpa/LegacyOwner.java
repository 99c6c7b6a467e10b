package dev.godwit.processor.jpa;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity named by {@code @Entity(name)} and no {@code @Table}: JPA names its table after it. */
@Entity(name = "legacy_owners")
@MigratedTable
public class LegacyOwner {

  @Id
  private Long id;

  private String name;

  @Widened
  @Backfill(from = "name")
  private String nickname;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNickname() {
    return nickname;
  }

  public void setNickname(String nickname) {
    this.nickname = nickname;
  }
}
