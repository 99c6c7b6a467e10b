package dev.godwit.processor.behaviour;

import dev.godwit.Backfill;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

/** A composite primary key held in an {@code @EmbeddedId}. */
@MigratedTable("shipments")
@Entity
public class Shipment {
  @EmbeddedId
  private ShipmentKey key;

  private String carrier;

  @Widened
  @Backfill(method = "priorityOf", batchSize = 2)
  private String priority;

  public Shipment() {}

  Shipment(ShipmentKey key, String carrier, String priority) {
    this.key = key;
    this.carrier = carrier;
    this.priority = priority;
  }

  public static String priorityOf(Shipment shipment) {
    return shipment.getKey().warehouse() + "-" + shipment.getKey().parcelNo() + " by " + shipment.getCarrier();
  }

  public ShipmentKey getKey() {
    return key;
  }

  public void setKey(ShipmentKey key) {
    this.key = key;
  }

  public String getCarrier() {
    return carrier;
  }

  public void setCarrier(String carrier) {
    this.carrier = carrier;
  }

  public String getPriority() {
    return priority;
  }

  public void setPriority(String priority) {
    this.priority = priority;
  }
}
