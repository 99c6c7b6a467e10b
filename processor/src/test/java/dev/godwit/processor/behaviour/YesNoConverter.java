package dev.godwit.processor.behaviour;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a Boolean as 'Y' or 'N', as many legacy schemas do. */
@Converter
public class YesNoConverter implements AttributeConverter<Boolean, String> {
  @Override
  public String convertToDatabaseColumn(Boolean value) {
    return value ? "Y" : "N";
  }

  @Override
  public Boolean convertToEntityAttribute(String text) {
    return switch (text) {
      case "Y" -> true;
      case "N" -> false;
      default -> throw new IllegalArgumentException("'" + text + "' is neither Y nor N");
    };
  }
}
