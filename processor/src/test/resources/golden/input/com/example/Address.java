package com.example;

import java.util.List;

/** Where a team is billed: stored as JSON in one column. */
public record Address(String street, int zip, List<String> lines) {}
