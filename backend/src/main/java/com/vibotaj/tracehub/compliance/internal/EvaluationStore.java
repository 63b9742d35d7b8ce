package com.vibotaj.tracehub.compliance.internal;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The stored evaluation per shipment, and the expiry warnings already raised. Caller's tenant scope. */
@Repository
public class EvaluationStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EvaluationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<ComplianceEvaluation> find(UUID shipmentId) {
        return jdbc.sql("SELECT result::text FROM compliance_evaluation WHERE shipment_id = :id")
                .param("id", shipmentId)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, ComplianceEvaluation.class));
    }

    /** Stores the evaluation (locking the row) and answers the overall it replaced, if any. */
    public Optional<ComplianceEvaluation.Overall> save(
            UUID organizationId, ComplianceEvaluation evaluation, @Nullable LocalDate nextExpiry) {
        Optional<String> previous = jdbc.sql(
                        "SELECT overall FROM compliance_evaluation WHERE shipment_id = :id FOR UPDATE")
                .param("id", evaluation.shipmentId())
                .query(String.class)
                .optional();
        jdbc.sql("""
                        INSERT INTO compliance_evaluation
                          (shipment_id, organization_id, rule_set_version, overall, result, next_expiry, evaluated_at)
                        VALUES (:id, :org, :version, :overall, CAST(:result AS jsonb), :expiry, :at)
                        ON CONFLICT (shipment_id) DO UPDATE SET rule_set_version = EXCLUDED.rule_set_version,
                          overall = EXCLUDED.overall, result = EXCLUDED.result, next_expiry = EXCLUDED.next_expiry,
                          evaluated_at = EXCLUDED.evaluated_at""")
                .param("id", evaluation.shipmentId())
                .param("org", organizationId)
                .param("version", evaluation.ruleSetVersion())
                .param("overall", evaluation.overall().value())
                .param("result", json.writeValueAsString(evaluation))
                .param("expiry", nextExpiry)
                .param("at", Timestamp.from(evaluation.evaluatedAt()))
                .update();
        return previous.map(EvaluationStore::overall);
    }

    static ComplianceEvaluation.Overall overall(String value) {
        return ComplianceEvaluation.Overall.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    /** Shipments of the organisation with a stored evaluation (to refresh after a settings change). */
    public List<UUID> evaluatedShipments(UUID organizationId) {
        return jdbc.sql("SELECT shipment_id FROM compliance_evaluation WHERE organization_id = :org")
                .param("org", organizationId)
                .query(UUID.class)
                .list();
    }

    /** A shipment whose earliest current expiry falls within the horizon, with its owner. */
    public record Due(UUID shipmentId, UUID organizationId) {}

    /** Across organisations, through the narrow SECURITY DEFINER function (ADR 0004). */
    public List<Due> expiryDue(LocalDate until) {
        return jdbc.sql("SELECT shipment_id, organization_id FROM compliance_expiry_due(:until)")
                .param("until", until)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    /** Records a warning once; true when it is new. */
    public boolean raiseWarning(
            UUID documentId, int thresholdDays, UUID shipmentId, UUID organizationId, LocalDate expiryDate) {
        return jdbc.sql("""
                        INSERT INTO document_expiry_warning
                          (document_id, threshold_days, shipment_id, organization_id, expiry_date)
                        VALUES (:doc, :threshold, :shipment, :org, :expiry) ON CONFLICT DO NOTHING""")
                        .param("doc", documentId)
                        .param("threshold", thresholdDays)
                        .param("shipment", shipmentId)
                        .param("org", organizationId)
                        .param("expiry", expiryDate)
                        .update()
                > 0;
    }
}
