package dev.godwit.processor.behaviour;

import dev.godwit.Backfill;
import dev.godwit.Id;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;

/** Two backfills in one migration, on an entity built by setters. */
@MigratedTable("profiles")
public class Profile {
  @Id private long id;
  private String nickname;

  @Widened
  @Backfill(value = "en", migration = "fillDefaults", batchSize = 2)
  private String language;

  @Widened
  @Backfill(from = "nickname", migration = "fillDefaults")
  private String displayName;

  public Profile() {}

  static Profile of(long id, String nickname, String language, String displayName) {
    Profile profile = new Profile();
    profile.id = id;
    profile.nickname = nickname;
    profile.language = language;
    profile.displayName = displayName;
    return profile;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getNickname() {
    return nickname;
  }

  public void setNickname(String nickname) {
    this.nickname = nickname;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }
}
