package com.vibotaj.tracehub.reference;

/** An ocean carrier by its SCAC code. */
public record Carrier(String scac, String name) {}
