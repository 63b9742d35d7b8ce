package com.vibotaj.tracehub.compliance.internal.rules;

import com.vibotaj.tracehub.compliance.internal.RuleSet;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a rule may look at besides the document itself.
 *
 * @param documentsByType the deciding version of each document type of the shipment (the current
 *     approved one, else the newest), for cross-document comparison
 * @param tracesNumber the owner organisation's TRACES registration number, or null when not set
 * @param today the date of the evaluation (UTC)
 */
public record RuleContext(
        RuleSet ruleSet,
        ShipmentFacts.Facts shipment,
        Map<String, ShipmentDocument> documentsByType,
        @Nullable String tracesNumber,
        LocalDate today) {

    public RuleContext {
        documentsByType = Map.copyOf(documentsByType);
    }

    public Optional<ShipmentDocument> document(String type) {
        return Optional.ofNullable(documentsByType.get(type));
    }

    /** Departure: the actual time when known, else the estimate; null when neither is set. */
    public @Nullable LocalDate departure() {
        OffsetDateTime at = shipment.atd() != null ? shipment.atd() : shipment.etd();
        return at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    /** The date validity is judged at: departure, or today when the shipment has no ETD yet. */
    public LocalDate validityDate() {
        LocalDate departure = departure();
        return departure == null ? today : departure;
    }
}
