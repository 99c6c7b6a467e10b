package com.example.jpa;

import jakarta.persistence.Embeddable;

@Embeddable
public record Office(String room, Integer floor) {}
