package com.vibotaj.tracehub.shipments.internal.demo;

import com.vibotaj.tracehub.identity.DemoIdentityReady;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.shipments.ContainerNumber;
import com.vibotaj.tracehub.shipments.DemoShipmentsReady;
import com.vibotaj.tracehub.shipments.ShipmentFields;
import com.vibotaj.tracehub.shipments.ShipmentFields.ContainerLine;
import com.vibotaj.tracehub.shipments.ShipmentFields.ProductLine;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import com.vibotaj.tracehub.shipments.internal.ShipmentCommands;
import com.vibotaj.tracehub.shipments.internal.ShipmentRepository;
import com.vibotaj.tracehub.shipments.internal.StatusChange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Three dozen fictional shipments on the real lanes (Apapa / Tin Can / Onne → Hamburg, Rotterdam,
 * Antwerp) with valid container numbers. Shipments not yet sailing get a status directly; the others
 * are handed to tracking with the number of voyage days already played, so their status, ATD/ATA,
 * ETA changes and holds come from simulated tracking exactly as they would from a provider.
 * Deterministic (fixed seed) and created once.
 */
@Component
class DemoShipments {

    private static final Logger log = LoggerFactory.getLogger(DemoShipments.class);
    static final String PREFIX = "OVA-2026-";
    static final int COUNT = 36;

    private static final String[] LOADING = {"NGAPP", "NGTIN", "NGONN"};
    private static final String[] DISCHARGE = {"DEHAM", "NLRTM", "BEANR"};
    private static final String[][] CARRIERS = {
        {"MAEU", "MSKU", "MAERSK"},
        {"MSCU", "MSCU", "MSC"},
        {"HLCU", "HLXU", "HAPAG"},
        {"CMDU", "CMAU", "CMA CGM"},
        {"GRIU", "GRIU", "GRANDE"}
    };
    private static final String[] VESSEL_NAMES = {"NIGER DELTA", "OGUN STAR", "LAGOS BAY", "TIN CAN EXPRESS", "IDANRE"};
    private static final String[][] PRODUCTS = {
        {"cocoa_beans", "180100", "Raw cocoa beans, main crop, fermented and sun-dried"},
        {"sesame", "120740", "Hulled white sesame seeds, 99.95 % purity"},
        {"cashew", "080131", "Raw cashew nuts in shell, KOR 48"},
        {"ginger", "091011", "Dried split ginger, unbleached"},
        {"hibiscus", "121190", "Dried hibiscus flowers (zobo), whole"},
        {"horn_hoof", "050690", "Crushed cattle horn and hoof, raw"},
        {"sweet_potato_pellets", "071420", "Sweet potato pellets, moisture below 13 %"}
    };

    /**
     * What each demo shipment should be: a status set directly, or days of voyage already played. No
     * demo shipment carries a typed-in ETA: tracking's first estimate becomes its ETA, so the one
     * voyage flagged as slipped is the one whose promised ETA has passed, not every guess that differs.
     */
    private record Plan(@Nullable ShipmentStatus status, int daysUnderWay) {}

    private static final List<Plan> PLANS = plans();

    private final ShipmentCommands commands;
    private final ShipmentRepository repository;
    private final ScopedTransactions tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DemoShipments(
            ShipmentCommands commands,
            ShipmentRepository repository,
            ScopedTransactions tx,
            ApplicationEventPublisher events,
            Clock clock) {
        this.commands = commands;
        this.repository = repository;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(DemoIdentityReady ready) {
        TenantScope scope = TenantScope.of(ready.exporterId(), ready.actorUserId());
        if (tx.read(scope, () -> repository.findIdByReference(PREFIX + "001")).isPresent()) {
            return;
        }
        Random random = new Random(2026);
        OffsetDateTime today = clock.instant().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        // One transaction for all of it, the tracking listener included: the pollers must not see a
        // demo container before its voyage is dated, or they would record a voyage starting now.
        int underWay = tx.write(scope, () -> {
            Map<UUID, Integer> days = new HashMap<>();
            for (int i = 0; i < COUNT; i++) {
                Plan plan = PLANS.get(i);
                ShipmentFields fields = fields(i, plan, ready, random, today);
                ShipmentStatus initial = plan.status() != null ? plan.status() : ShipmentStatus.DOCS_COMPLETE;
                UUID id = commands.create(
                        ready.exporterId(), ready.actorUserId(), fields, initial, StatusChange.Source.SYSTEM);
                OffsetDateTime etd = fields.etd();
                if (plan.status() == null) {
                    days.put(id, plan.daysUnderWay());
                } else if (plan.status() != ShipmentStatus.ARCHIVED
                        && !fields.containers().isEmpty()
                        && etd != null) {
                    // Not sailing yet: its voyage (gate-in two days before departure) starts in the future.
                    days.put(id, (int) -(Duration.between(today, etd).toDays() - 2));
                }
            }
            events.publishEvent(new DemoShipmentsReady(ready.exporterId(), days));
            return days.size();
        });
        log.info("Demo shipments created: {} ({} with voyages dated by tracking)", COUNT, underWay);
    }

    private static ShipmentFields fields(
            int i, Plan plan, DemoIdentityReady ready, Random random, OffsetDateTime today) {
        String[] carrier = CARRIERS[i % CARRIERS.length];
        String[] product = PRODUCTS[i % PRODUCTS.length];
        String pol = LOADING[i % LOADING.length];
        String pod = DISCHARGE[(i / 3) % DISCHARGE.length];
        UUID buyer = ready.buyerIds().get(pod.equals("NLRTM") ? 1 : i % 2);
        // Voyages under way departed about two days after tracking started; the rest sail later.
        // Voyages under way take their ATD and ETA from tracking; the planned ones have an ETD and an
        // ETA that tracking will confirm or revise once the container is gated in.
        OffsetDateTime etd = plan.status() == null ? null : today.plusDays(7 + random.nextInt(30));
        boolean noContainersYet = plan.status() == ShipmentStatus.DRAFT && i % 2 == 0;
        List<ContainerLine> containers = new ArrayList<>();
        int count = noContainersYet ? 0 : 1 + random.nextInt(3);
        for (int c = 0; c < count; c++) {
            String first = carrier[1] + String.format("%06d", 100000 + random.nextInt(900000));
            containers.add(new ContainerLine(
                    first + ContainerNumber.checkDigit(first),
                    c % 2 == 0 ? "22G1" : "45G1",
                    "SL" + (400000 + random.nextInt(99999)),
                    BigDecimal.valueOf(21000 + random.nextInt(6000))));
        }
        List<ProductLine> lines = new ArrayList<>();
        for (ContainerLine container : containers) {
            BigDecimal gross = container.grossWeightKg().subtract(BigDecimal.valueOf(2200));
            lines.add(new ProductLine(
                    product[1],
                    product[2],
                    gross.subtract(BigDecimal.valueOf(180)),
                    gross,
                    200 + random.nextInt(300),
                    "jute bags",
                    "LOT-" + (1000 + i) + "-" + containers.indexOf(container),
                    "Grade A",
                    BigDecimal.valueOf(6 + random.nextInt(6)),
                    container.number()));
        }
        String vessel = carrier[2] + " " + VESSEL_NAMES[i % VESSEL_NAMES.length];
        return new ShipmentFields(
                PREFIX + String.format("%03d", i + 1),
                product[0],
                buyer,
                product[0].equals("cocoa_beans") ? List.of(ready.supplierId()) : List.of(),
                i % 3 == 0 ? List.of(ready.forwarderId()) : List.of(),
                "Ogun Valley Agro Exports Ltd",
                "14 Wharf Road, Apapa, Lagos, Nigeria",
                null,
                null,
                count == 0 ? null : carrier[0] + (240000000 + random.nextInt(99999999)),
                "BK" + (700000 + i),
                carrier[0],
                null,
                vessel,
                (400 + i) + "N",
                pol,
                pod,
                null,
                i % 2 == 0 ? "FOB" : "CIF",
                etd,
                // One voyage under way was promised for two days ago: tracking's later estimate shows it
                // as an ETA slip (a slip played by a compressed simulator is too small to count).
                plan.status() == null && plan.daysUnderWay() == 15 ? today.minusDays(2) : null,
                null,
                null,
                null,
                containers,
                lines);
    }

    private static List<Plan> plans() {
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            plans.add(new Plan(ShipmentStatus.DRAFT, 0));
        }
        for (int i = 0; i < 6; i++) {
            plans.add(new Plan(ShipmentStatus.DOCS_PENDING, 0));
        }
        for (int i = 0; i < 4; i++) {
            plans.add(new Plan(ShipmentStatus.DOCS_COMPLETE, 0));
        }
        int[] underWay = {1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 24, 25, 26, 27, 28, 29, 31, 34, 38, 42, 50};
        for (int days : underWay) {
            plans.add(new Plan(null, days));
        }
        plans.set(plans.size() - 1, new Plan(ShipmentStatus.ARCHIVED, 0));
        return plans;
    }
}
