package com.vibotaj.tracehub.eudr;

import java.util.List;

/**
 * A shipment's EUDR standing, as compliance and the web client see it.
 *
 * @param status {@code not_applicable}, {@code incomplete}, {@code failed} or {@code passed}
 * @param riskLevel {@code low}, {@code standard} or {@code high}; null when not applicable
 */
public record EudrAssessment(
        boolean applicable,
        String status,
        @org.jspecify.annotations.Nullable String riskLevel,
        List<ChecklistItem> checklist) {

    public static final String NOT_APPLICABLE = "not_applicable";
    public static final String INCOMPLETE = "incomplete";
    public static final String FAILED = "failed";
    public static final String PASSED = "passed";

    public EudrAssessment {
        checklist = List.copyOf(checklist);
    }

    /**
     * One thing the due diligence needs, and whether the shipment has it.
     *
     * @param state {@code satisfied}; {@code missing} (data still to come: the assessment is incomplete);
     *     {@code failed} (a rule is broken: the assessment failed); {@code pending} (not due yet, e.g. the
     *     DDS reference before arrival: it does not hold the assessment back)
     */
    public record ChecklistItem(String code, boolean satisfied, String message, String state) {

        public static final String SATISFIED = "satisfied";
        public static final String MISSING = "missing";
        public static final String FAILED = "failed";
        public static final String PENDING = "pending";

        /** An item that is either satisfied or missing. */
        public ChecklistItem(String code, boolean satisfied, String message) {
            this(code, satisfied, message, satisfied ? SATISFIED : MISSING);
        }
    }
}
