package com.vibotaj.tracehub.reference;

import java.time.LocalDate;

/**
 * A country as the rules see it.
 *
 * @param code ISO 3166-1 alpha-2
 * @param euMember member state of the EU (destination bucket of the requirement matrix)
 * @param eudrRisk EUDR country risk class: low, standard or high
 * @param riskSource the act the classification comes from
 * @param riskEffective the date that classification applies from
 */
public record Country(
        String code, String name, boolean euMember, String eudrRisk, String riskSource, LocalDate riskEffective) {}
