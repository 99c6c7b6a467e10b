package dev.godwit.processor.jpa;

import jakarta.persistence.Embeddable;
import java.util.Objects;

/** An owner's address, stored as one column per component. */
@Embeddable
public class Address {

  private String street;
  private String city;

  public Address() {}

  public Address(String street, String city) {
    this.street = street;
    this.city = city;
  }

  public String getStreet() {
    return street;
  }

  public void setStreet(String street) {
    this.street = street;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Address address
        && Objects.equals(street, address.street) && Objects.equals(city, address.city);
  }

  @Override
  public int hashCode() {
    return Objects.hash(street, city);
  }

  @Override
  public String toString() {
    return street + ", " + city;
  }
}
