package dev.godwit.processor.jpa;

import java.io.Serializable;
import java.util.Objects;

/** The {@code @IdClass} of {@link Customer}: its region and its number within the region. */
public class CustomerKey implements Serializable {

  private String region;
  private Integer number;

  public CustomerKey() {}

  public CustomerKey(String region, Integer number) {
    this.region = region;
    this.number = number;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CustomerKey key
        && Objects.equals(region, key.region) && Objects.equals(number, key.number);
  }

  @Override
  public int hashCode() {
    return Objects.hash(region, number);
  }
}
