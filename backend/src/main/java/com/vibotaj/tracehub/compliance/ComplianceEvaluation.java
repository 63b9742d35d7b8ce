package com.vibotaj.tracehub.compliance;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The one compliance evaluation of a shipment (product spec §4): every consumer (UI, analytics, audit
 * pack) reads this record, so "compliant" means one thing everywhere. It records the rule-set version
 * that produced it.
 */
public record ComplianceEvaluation(
        UUID shipmentId,
        String ruleSetVersion,
        Overall overall,
        List<Requirement> requirements,
        List<Regime> regimes,
        List<Finding> findings,
        Instant evaluatedAt) {

    public ComplianceEvaluation {
        requirements = List.copyOf(requirements);
        regimes = List.copyOf(regimes);
        findings = List.copyOf(findings);
    }

    /** {@code compliant} only when every requirement is satisfied and every applicable regime passed. */
    @Schema(enumAsRef = true, name = "ComplianceOverall")
    public enum Overall {
        COMPLIANT,
        IN_PROGRESS,
        NON_COMPLIANT;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where one required document type stands. */
    @Schema(enumAsRef = true)
    public enum RequirementState {
        MISSING,
        PENDING,
        FAILED,
        SATISFIED;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Schema(enumAsRef = true)
    public enum RegimeStatus {
        PASSED,
        FAILED,
        PENDING,
        NOT_APPLICABLE;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Blocking findings forbid approval and fail the requirement; advisory ones are shown to the reviewer. */
    @Schema(enumAsRef = true)
    public enum Severity {
        BLOCKING,
        ADVISORY;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One required document type.
     *
     * @param documentId the version that decided the state (the current approved one, else the newest)
     * @param nextAction what a user does next, or null when satisfied
     */
    public record Requirement(
            String documentType,
            RequirementState state,
            @Nullable UUID documentId,
            @Nullable Integer version,
            String message,
            @Nullable String nextAction) {}

    /** A regulatory regime (eudr, veterinary, phytosanitary) and what decided its status. */
    public record Regime(String code, RegimeStatus status, List<Finding> findings) {
        public Regime {
            findings = List.copyOf(findings);
        }
    }

    /**
     * What a rule found. An overridden finding stays visible, with the override's id and reason.
     *
     * @param documentId the document version it concerns, or null for the shipment as a whole
     */
    public record Finding(
            String ruleId,
            Severity severity,
            String message,
            @Nullable UUID documentId,
            @Nullable UUID overrideId,
            @Nullable String overrideReason) {

        public boolean open() {
            return overrideId == null;
        }

        public boolean blocksApproval() {
            return severity == Severity.BLOCKING && open();
        }
    }
}
