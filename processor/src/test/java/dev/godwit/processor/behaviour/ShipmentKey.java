package dev.godwit.processor.behaviour;

import jakarta.persistence.Embeddable;

/** An embeddable record holding a composite primary key. */
@Embeddable
public record ShipmentKey(String warehouse, int parcelNo) {}
