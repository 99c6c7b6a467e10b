package dev.godwit.processor.behaviour;

import java.util.List;

/** A nested record, stored as JSON. */
public record Address(String street, int zip, List<String> lines) {}
