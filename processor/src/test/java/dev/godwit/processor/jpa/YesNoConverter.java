package dev.godwit.processor.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a boolean as {@code 'Y'} or {@code 'N'}. */
@Converter
public class YesNoConverter implements AttributeConverter<Boolean, String> {

  @Override
  public String convertToDatabaseColumn(Boolean value) {
    return value == null ? null : value ? "Y" : "N";
  }

  @Override
  public Boolean convertToEntityAttribute(String text) {
    return text == null ? null : text.equals("Y");
  }
}
