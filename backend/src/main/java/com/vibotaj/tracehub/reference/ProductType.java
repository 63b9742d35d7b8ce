package com.vibotaj.tracehub.reference;

import java.util.List;

/**
 * A product the exporter ships, with the HS headings it falls under and whether EUDR Annex I covers it.
 */
public record ProductType(String code, String name, List<String> hsHeadings, boolean eudrAnnexI) {}
