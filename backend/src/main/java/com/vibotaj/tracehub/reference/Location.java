package com.vibotaj.tracehub.reference;

import java.math.BigDecimal;

/** A UN/LOCODE location (port or city) with coordinates for maps. */
public record Location(
        String unlocode, String countryCode, String name, String kind, BigDecimal latitude, BigDecimal longitude) {}
