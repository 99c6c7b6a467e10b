package dev.godwit.processor.behaviour;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A JPA entity whose values are stored through the application's converters. */
@MigratedTable
@Entity
@Table(name = "preferences")
public class Preference {
  @Id Long id;

  @Convert(converter = YesNoConverter.class)
  Boolean newsletter;

  @Widened
  @Backfill(from = "newsletter")
  @Convert(converter = YesNoConverter.class)
  Boolean digest;

  @Widened
  @Backfill(value = "true")
  @Convert(converter = YesNoConverter.class)
  Boolean verified;

  @Widened
  @Backfill(method = "tagsOf")
  @Convert(converter = TagsConverter.class)
  List<String> tags;

  @Widened
  @Backfill(method = "mailedOf")
  @Convert(converter = YesNoConverter.class)
  Boolean mailed;

  public Preference() {}

  static List<String> tagsOf(Preference preference) {
    return preference.newsletter ? List.of("a", "b") : List.of("c");
  }

  /** Reads the converted value back: 'N' must come back as false for this to be right. */
  static Boolean mailedOf(Preference preference) {
    return !preference.newsletter;
  }
}
