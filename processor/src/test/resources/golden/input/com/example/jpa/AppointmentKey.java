package com.example.jpa;

import jakarta.persistence.Embeddable;
import java.time.LocalDate;

@Embeddable
public record AppointmentKey(Integer vetId, LocalDate visitDay, int slot) {}
