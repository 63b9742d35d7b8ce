package com.vibotaj.tracehub.eudr.internal.demo;

import com.vibotaj.tracehub.eudr.internal.EudrStore;
import com.vibotaj.tracehub.eudr.internal.EudrStore.StoredDds;
import com.vibotaj.tracehub.eudr.internal.EudrStore.StoredOrigin;
import com.vibotaj.tracehub.eudr.internal.geojson.GeodesicArea;
import com.vibotaj.tracehub.platform.TenantContext;
import com.vibotaj.tracehub.shipments.DemoShipmentsReady;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import com.vibotaj.tracehub.shipments.ShipmentFacts.Facts;
import com.vibotaj.tracehub.shipments.ShipmentFacts.ProductLineFact;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Plots for the demo: cocoa (and coffee) shipments get points of at most 4 ha and polygons over 4 ha in
 * Nigerian cocoa country (Ondo, Osun, Cross River; producers are fictional), linked to their product
 * lines; the cocoa shipment furthest along gets a DDS reference; one cocoa shipment with product lines
 * stays without plots, so "incomplete" shows.
 */
@Component
class DemoEudr {

    private static final Logger log = LoggerFactory.getLogger(DemoEudr.class);

    /** Region centres [lon, lat], a place name and a fictional cooperative. */
    private static final Object[][] REGIONS = {
        {6.700000, 7.150000, "Idanre, Ondo State", "Idanre Cocoa Farmers Cooperative"},
        {4.560000, 7.450000, "Ife North, Osun State", "Ayetoro Growers Union"},
        {8.580000, 5.960000, "Ikom, Cross River State", "Ikom Smallholders Cooperative"}
    };

    private final ShipmentFacts shipments;
    private final EudrStore store;
    private final Clock clock;

    DemoEudr(ShipmentFacts shipments, EudrStore store, Clock clock) {
        this.shipments = shipments;
        this.store = store;
        this.clock = clock;
    }

    /** Runs inside the demo loader's transaction and tenant scope (the exporter). */
    @EventListener
    void on(DemoShipmentsReady ready) {
        UUID actor = Objects.requireNonNull(TenantContext.current().userId(), "demo actor");
        List<Facts> eligible = ready.daysUnderWay().keySet().stream()
                .sorted()
                .map(shipments::find)
                .flatMap(java.util.Optional::stream)
                .filter(f ->
                        f.productType().equals("cocoa_beans") || f.productType().equals("coffee"))
                .filter(f -> !f.productLines().isEmpty())
                .sorted(Comparator.comparing(Facts::reference))
                .toList();
        if (eligible.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // The first one stays without plots: the demo shows an incomplete assessment.
        int plots = 0;
        for (int s = 1; s < eligible.size(); s++) {
            Facts facts = eligible.get(s);
            Object[] region = REGIONS[s % REGIONS.length];
            for (ProductLineFact line : facts.productLines()) {
                int k = line.position();
                double lon = (double) region[0] + 0.011 * k + 0.003 * s;
                double lat = (double) region[1] + 0.007 * k - 0.002 * s;
                String producer = region[3] + " member " + (100 + s * 10 + k);
                store.insertOrigin(origin(
                        facts,
                        actor,
                        now,
                        line,
                        "Point",
                        point(lon, lat, producer, region, 2.5 + 0.25 * k),
                        null,
                        producer,
                        region,
                        2.5 + 0.25 * k));
                double side = 0.0025 + 0.0002 * k; // ≈ 280-300 m: 7-10 ha
                List<double[]> ring = List.of(
                        new double[] {lon + 0.004, lat},
                        new double[] {lon + 0.004 + side, lat},
                        new double[] {lon + 0.004 + side, lat + side},
                        new double[] {lon + 0.004, lat + side});
                double ha = GeodesicArea.hectares(ring);
                store.insertOrigin(origin(
                        facts,
                        actor,
                        now,
                        line,
                        "Polygon",
                        polygon(ring, producer, region, ha),
                        ha,
                        producer,
                        region,
                        ha));
                plots += 2;
            }
        }
        // The cocoa shipment with plots furthest along its voyage has had its DDS filed by the buyer.
        Facts furthest = eligible.subList(1, eligible.size()).stream()
                .filter(f -> f.productType().equals("cocoa_beans") && f.buyerOrganizationId() != null)
                .max(Comparator.comparing(f -> ready.daysUnderWay().getOrDefault(f.id(), 0)))
                .orElse(null);
        if (furthest != null) {
            store.insertDds(new StoredDds(
                    UUID.randomUUID(),
                    furthest.id(),
                    furthest.organizationId(),
                    furthest.buyerOrganizationId(),
                    "26DEHAM" + furthest.reference().replaceAll("[^0-9]", ""),
                    "VRF" + Math.abs(furthest.id().hashCode() % 1_000_000),
                    now.minus(Duration.ofDays(2)),
                    actor,
                    furthest.organizationId(),
                    now,
                    null));
        }
        log.info("Demo EUDR plots created: {} on {} shipments", plots, Math.max(0, eligible.size() - 1));
    }

    private static StoredOrigin origin(
            Facts facts,
            UUID actor,
            Instant now,
            ProductLineFact line,
            String type,
            String feature,
            Double computedHa,
            String producer,
            Object[] region,
            double declaredHa) {
        return new StoredOrigin(
                UUID.randomUUID(),
                facts.id(),
                facts.organizationId(),
                actor,
                facts.organizationId(),
                producer,
                "NG",
                (String) region[2],
                BigDecimal.valueOf(declaredHa).setScale(4, RoundingMode.HALF_UP),
                BigDecimal.valueOf(computedHa == null ? 0 : computedHa).setScale(4, RoundingMode.HALF_UP),
                type.equals("Point") ? 1 : 2,
                type,
                feature,
                LocalDate.of(2025, 10, 1),
                LocalDate.of(2026, 3, 31),
                List.of(),
                now,
                List.of(line.position()));
    }

    private static String properties(String producer, Object[] region, double ha) {
        return String.format(
                Locale.ROOT,
                "{\"ProducerName\":\"%s\",\"ProducerCountry\":\"NG\",\"ProductionPlace\":\"%s\",\"Area\":%.2f}",
                producer,
                region[2],
                ha);
    }

    private static String point(double lon, double lat, String producer, Object[] region, double ha) {
        return String.format(
                Locale.ROOT,
                "{\"type\":\"Feature\",\"properties\":%s,\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]}}",
                properties(producer, region, ha),
                lon,
                lat);
    }

    private static String polygon(List<double[]> ring, String producer, Object[] region, double ha) {
        List<String> positions = new ArrayList<>();
        for (double[] p : ring) {
            positions.add(String.format(Locale.ROOT, "[%.6f,%.6f]", p[0], p[1]));
        }
        positions.add(positions.get(0));
        return String.format(
                Locale.ROOT,
                "{\"type\":\"Feature\",\"properties\":%s,\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[%s]]}}",
                properties(producer, region, ha),
                String.join(",", positions));
    }
}
