package dev.godwit.processor.behaviour;

import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.List;

/** Stores a list of tags as one comma-separated text. */
public class TagsConverter implements AttributeConverter<List<String>, String> {
  @Override
  public String convertToDatabaseColumn(List<String> tags) {
    return String.join(",", tags);
  }

  @Override
  public List<String> convertToEntityAttribute(String text) {
    return text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
  }
}
