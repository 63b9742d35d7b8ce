package com.vibotaj.tracehub.compliance.internal;

import com.vibotaj.tracehub.compliance.DocumentExpiring;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.documents.ShipmentDocuments;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Finds approved current documents that expire within the warning horizon (30 days) or have expired,
 * raises each threshold (30, 14, 7 days; 0 = expired) once per document, publishes
 * {@link DocumentExpiring}, and re-evaluates the shipment (an expired document fails its requirement).
 *
 * <p>Works across organisations: the candidates come from the narrow SECURITY DEFINER function
 * {@code compliance_expiry_due} (ids and owners only, from each stored evaluation's next expiry date);
 * each shipment is then handled in its owner's scope under row-level security.
 */
@Component
public class ExpiryMonitor {

    private static final Logger log = LoggerFactory.getLogger(ExpiryMonitor.class);

    private final ScopedTransactions tx;
    private final EvaluationStore store;
    private final EvaluationService service;
    private final ShipmentFacts facts;
    private final ShipmentDocuments documents;
    private final ApplicationEventPublisher events;

    ExpiryMonitor(
            ScopedTransactions tx,
            EvaluationStore store,
            EvaluationService service,
            ShipmentFacts facts,
            ShipmentDocuments documents,
            ApplicationEventPublisher events) {
        this.tx = tx;
        this.store = store;
        this.service = service;
        this.facts = facts;
        this.documents = documents;
        this.events = events;
    }

    /** @return the number of warnings raised */
    public int run() {
        LocalDate today = service.today();
        RuleSet ruleSet = tx.read(TenantScope.NONE, service::currentRuleSet);
        List<Integer> thresholds = ruleSet.expiryWarningDays();
        LocalDate horizon = today.plusDays(thresholds.isEmpty() ? 0 : thresholds.get(0));
        List<EvaluationStore.Due> due = tx.read(TenantScope.NONE, () -> store.expiryDue(horizon));
        int raised = 0;
        for (EvaluationStore.Due d : due) {
            try {
                raised += tx.write(
                        TenantScope.organization(d.organizationId()), () -> monitor(d, thresholds, today, horizon));
            } catch (RuntimeException e) {
                // One broken shipment must not stop the others; it is due again tomorrow.
                log.error("Expiry check of shipment {} failed", d.shipmentId(), e);
            }
        }
        log.info("Document expiry check: {} shipments due, {} warnings raised", due.size(), raised);
        return raised;
    }

    private int monitor(EvaluationStore.Due due, List<Integer> thresholds, LocalDate today, LocalDate horizon) {
        Optional<ShipmentFacts.Facts> shipment = facts.find(due.shipmentId());
        if (shipment.isEmpty()) {
            return 0;
        }
        int raised = 0;
        for (List<ShipmentDocument> versions : Evaluator.versionsByType(documents.forShipment(due.shipmentId()))
                .values()) {
            Optional<ShipmentDocument> current = Evaluator.current(versions);
            LocalDate expiry = current.map(d -> d.metadata().expiryDate()).orElse(null);
            if (expiry == null || expiry.isAfter(horizon)) {
                continue;
            }
            ShipmentDocument doc = current.get();
            long daysLeft = ChronoUnit.DAYS.between(today, expiry);
            Integer threshold = threshold(daysLeft, thresholds);
            if (threshold != null
                    && store.raiseWarning(doc.id(), threshold, due.shipmentId(), due.organizationId(), expiry)) {
                events.publishEvent(new DocumentExpiring(
                        doc.id(), due.shipmentId(), due.organizationId(), doc.type(), expiry, daysLeft));
                raised++;
            }
        }
        service.recompute(due.shipmentId());
        return raised;
    }

    /**
     * The most urgent threshold crossed: 0 once expired, else the smallest warning threshold not below
     * the days left. Only that one is raised, so a document first seen 5 days before expiry warns once
     * (7 days), not three times.
     */
    static @Nullable Integer threshold(long daysLeft, List<Integer> thresholds) {
        if (daysLeft < 0) {
            return 0;
        }
        Integer crossed = null;
        for (int t : thresholds) {
            if (daysLeft <= t && (crossed == null || t < crossed)) {
                crossed = t;
            }
        }
        return crossed;
    }
}
