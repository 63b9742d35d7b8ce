package com.vibotaj.tracehub.compliance.internal;

import com.vibotaj.tracehub.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** Problems the compliance API answers (documented in docs/operations/compliance.md). */
public final class ComplianceProblems {

    private ComplianceProblems() {}

    /** The override names a rule the rule set does not have (422 unknown-rule). */
    public static final class UnknownRule extends ProblemException {
        UnknownRule(String ruleId, String version) {
            super(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "unknown-rule",
                    "Unknown rule",
                    "Rule set " + version + " has no rule " + ruleId
                            + "; GET /api/compliance/rule-sets lists the rule ids.");
        }
    }

    /** The override names a document that is not a document of this shipment (422). */
    public static final class DocumentNotOnShipment extends ProblemException {
        DocumentNotOnShipment(Object documentId) {
            super(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "document-not-on-shipment",
                    "Document not on this shipment",
                    "Document " + documentId + " is not a document of this shipment.");
        }
    }

    /** The caller sees the shipment but only its owner's compliance users may override. */
    public static final class NotOwner extends ProblemException {
        NotOwner() {
            super(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Not allowed",
                    "Only the shipment owner's compliance users can override or revoke findings.");
        }
    }

    /** Revoking an override twice. */
    public static final class AlreadyRevoked extends ProblemException {
        AlreadyRevoked() {
            super(
                    HttpStatus.CONFLICT,
                    "override-revoked",
                    "Override already revoked",
                    "This override was already revoked.");
        }
    }
}
