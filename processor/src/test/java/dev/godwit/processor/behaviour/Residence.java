package dev.godwit.processor.behaviour;

import jakarta.persistence.Embeddable;

/** An embeddable class, stored as one column per component. */
@Embeddable
public class Residence {
  private String street;
  private String city;
  private Integer zip;

  public Residence() {}

  public Residence(String street, String city, Integer zip) {
    this.street = street;
    this.city = city;
    this.zip = zip;
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

  public Integer getZip() {
    return zip;
  }

  public void setZip(Integer zip) {
    this.zip = zip;
  }
}
