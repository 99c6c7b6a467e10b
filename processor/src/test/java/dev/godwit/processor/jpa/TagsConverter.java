package dev.godwit.processor.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** Stores a list of tags as comma-separated text ({@code a,b}), the application's own format. */
@Converter
public class TagsConverter implements AttributeConverter<List<String>, String> {

  @Override
  public String convertToDatabaseColumn(List<String> tags) {
    return tags == null ? null : String.join(",", tags);
  }

  @Override
  public List<String> convertToEntityAttribute(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
  }
}
