package com.vibotaj.tracehub.eudr;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an auditor needs of a shipment's EUDR due diligence: the assessment, every plot as saved (its
 * RFC 7946 Feature text included) and the DDS references filed. Plots and references are empty when the
 * shipment is not in scope.
 */
public record EudrEvidence(EudrAssessment assessment, List<Plot> plots, List<DdsReference> ddsReferences) {

    public EudrEvidence {
        plots = List.copyOf(plots);
        ddsReferences = List.copyOf(ddsReferences);
    }

    /** A saved plot; {@code feature} is the GeoJSON Feature as stored (JSON text). */
    public record Plot(
            UUID id,
            @Nullable String producerName,
            @Nullable String producerCountry,
            @Nullable String productionPlace,
            @Nullable BigDecimal areaHa,
            BigDecimal computedAreaHa,
            String geometryType,
            @Nullable LocalDate productionStart,
            @Nullable LocalDate productionEnd,
            List<Integer> linePositions,
            String feature) {

        public Plot {
            linePositions = List.copyOf(linePositions);
        }
    }

    /** A due diligence statement reference filed in the EU Information System. */
    public record DdsReference(
            String referenceNumber,
            String verificationNumber,
            Instant filedAt,
            @Nullable Instant amendedAt) {}
}
