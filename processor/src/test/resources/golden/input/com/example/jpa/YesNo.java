package com.example.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a boolean as 'Y' or 'N'. */
@Converter
public class YesNo implements AttributeConverter<Boolean, String> {
  @Override
  public String convertToDatabaseColumn(Boolean value) {
    return value == null ? null : value ? "Y" : "N";
  }

  @Override
  public Boolean convertToEntityAttribute(String text) {
    return text == null ? null : text.equals("Y");
  }
}
