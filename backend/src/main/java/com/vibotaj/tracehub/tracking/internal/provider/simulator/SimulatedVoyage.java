package com.vibotaj.tracehub.tracking.internal.provider.simulator;

import com.vibotaj.tracehub.tracking.internal.provider.EventFamily;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The whole voyage of one container, decided up front from a hash of its number: the same container always
 * gets the same lane, vessels, times and scenario. Times are offsets from when tracking started, so a
 * demo begins at the start of the journey.
 */
record SimulatedVoyage(Scenario scenario, String carrierScac, List<Milestone> milestones, Instant slipKnownAt) {

    enum Scenario {
        NORMAL,
        /** Arrival at the port of discharge slips 2–4 days; the estimate moves when the second leg starts. */
        ETA_SLIP,
        /** Customs select the container for inspection before releasing it. */
        CUSTOMS_HOLD
    }

    /**
     * One step of the voyage.
     *
     * @param announced whether the step is shown before it happens (a customs hold is not)
     * @param plannedTime the time announced before a slip becomes known
     * @param actualTime when the step happens
     */
    record Milestone(
            int sequence,
            String code,
            EventFamily family,
            String unlocode,
            String facilityType,
            @Nullable String vesselName,
            @Nullable String voyage,
            String emptyIndicator,
            boolean announced,
            Instant plannedTime,
            Instant actualTime) {}

    private static final List<String> CARRIERS = List.of("MAEU", "MSCU", "HLCU", "CMDU", "GRIU");
    private static final Map<String, List<String>> VESSELS = Map.of(
            "MAEU", List.of("MAERSK BENUE", "MAERSK ELBE STAR"),
            "MSCU", List.of("MSC NIGER BAY", "MSC ROSALIND"),
            "HLCU", List.of("APAPA EXPRESS", "TANGIER EXPRESS"),
            "CMDU", List.of("CMA CGM OGUN", "CMA CGM ALHAMBRA"),
            "GRIU", List.of("GRANDE IKEJA", "GRANDE TARIFA"));
    private static final List<String> ORIGINS = List.of("NGAPP", "NGTIN", "NGONN");
    private static final List<String> TRANSSHIPMENTS = List.of("MAPTM", "ESALG");
    private static final List<String> DESTINATIONS = List.of("DEHAM", "NLRTM", "BEANR");

    static SimulatedVoyage plan(TrackingRequest request) {
        Dice dice = new Dice(request.containerNumber());
        Scenario scenario = switch (dice.roll(5)) {
            case 3 -> Scenario.ETA_SLIP;
            case 4 -> Scenario.CUSTOMS_HOLD;
            default -> Scenario.NORMAL;
        };
        String scac = request.carrierScac() != null && VESSELS.containsKey(request.carrierScac())
                ? request.carrierScac()
                : CARRIERS.get(dice.roll(CARRIERS.size()));
        String origin =
                request.portOfLoading() != null ? request.portOfLoading() : ORIGINS.get(dice.roll(ORIGINS.size()));
        String hub = TRANSSHIPMENTS.get(dice.roll(TRANSSHIPMENTS.size()));
        String destination = request.portOfDischarge() != null
                ? request.portOfDischarge()
                : DESTINATIONS.get(dice.roll(DESTINATIONS.size()));
        String mainline = VESSELS.get(scac).get(0);
        String connecting = VESSELS.get(scac).get(1);
        String firstVoyage = String.format(Locale.ROOT, "%03dN", 100 + dice.roll(800));
        String secondVoyage = String.format(Locale.ROOT, "%03dN", 100 + dice.roll(800));

        // Hours after tracking started.
        long pick = 6;
        long stuff = pick + 12 + dice.roll(12);
        long gateIn = stuff + 12 + dice.roll(24);
        long load = gateIn + 24 + dice.roll(48);
        long depart = load + 6 + dice.roll(6);
        // Departure to arrival: 18–30 days, the slip included.
        long transitDays = scenario == Scenario.ETA_SLIP ? 18 + dice.roll(9) : 18 + dice.roll(13);
        long slip = scenario == Scenario.ETA_SLIP ? (2 + dice.roll(3)) * 24L : 0;
        long hubArrive = depart + Math.round(transitDays * 24 * 0.45);
        long hubDischarge = hubArrive + 6;
        long hubLoad = hubDischarge + (2 + dice.roll(3)) * 24L - 12;
        long hubDepart = hubLoad + 6;
        long arrive = depart + transitDays * 24;
        long discharge = arrive + 8 + dice.roll(8);
        long inspection = discharge + 24;
        long release = scenario == Scenario.CUSTOMS_HOLD
                ? inspection + (3 + dice.roll(3)) * 24L
                : discharge + 24 + dice.roll(24);
        long gateOut = release + 12 + dice.roll(24);

        Instant start = request.trackingStartedAt();
        Builder b = new Builder(start);
        b.add("PICK", EventFamily.EQUIPMENT, origin, "DEPO", null, null, "EMPTY", true, pick, 0);
        b.add("STUF", EventFamily.EQUIPMENT, origin, "CLOC", null, null, "LADEN", true, stuff, 0);
        b.add("GTIN", EventFamily.EQUIPMENT, origin, "POTE", null, null, "LADEN", true, gateIn, 0);
        b.add("LOAD", EventFamily.EQUIPMENT, origin, "POTE", mainline, firstVoyage, "LADEN", true, load, 0);
        b.add("DEPA", EventFamily.TRANSPORT, origin, "POTE", mainline, firstVoyage, "LADEN", true, depart, 0);
        b.add("ARRI", EventFamily.TRANSPORT, hub, "POTE", mainline, firstVoyage, "LADEN", true, hubArrive, 0);
        b.add("DISC", EventFamily.EQUIPMENT, hub, "POTE", mainline, firstVoyage, "LADEN", true, hubDischarge, 0);
        b.add("LOAD", EventFamily.EQUIPMENT, hub, "POTE", connecting, secondVoyage, "LADEN", true, hubLoad, 0);
        b.add("DEPA", EventFamily.TRANSPORT, hub, "POTE", connecting, secondVoyage, "LADEN", true, hubDepart, 0);
        b.add(
                "ARRI",
                EventFamily.TRANSPORT,
                destination,
                "POTE",
                connecting,
                secondVoyage,
                "LADEN",
                true,
                arrive,
                slip);
        b.add(
                "DISC",
                EventFamily.EQUIPMENT,
                destination,
                "POTE",
                connecting,
                secondVoyage,
                "LADEN",
                true,
                discharge,
                slip);
        if (scenario == Scenario.CUSTOMS_HOLD) {
            b.add("CUSI", EventFamily.EQUIPMENT, destination, "POTE", null, null, "LADEN", false, inspection, slip);
        }
        b.add("CUSR", EventFamily.EQUIPMENT, destination, "POTE", null, null, "LADEN", false, release, slip);
        b.add("GTOT", EventFamily.EQUIPMENT, destination, "POTE", null, null, "LADEN", true, gateOut, slip);
        return new SimulatedVoyage(scenario, scac, b.milestones, start.plus(Duration.ofHours(hubDepart)));
    }

    private static final class Builder {
        private final Instant start;
        private final List<Milestone> milestones = new ArrayList<>();

        Builder(Instant start) {
            this.start = start;
        }

        void add(
                String code,
                EventFamily family,
                String unlocode,
                String facility,
                @Nullable String vessel,
                @Nullable String voyage,
                String empty,
                boolean announced,
                long plannedHours,
                long slipHours) {
            Instant planned = start.plus(Duration.ofHours(plannedHours));
            milestones.add(new Milestone(
                    milestones.size() + 1,
                    code,
                    family,
                    unlocode,
                    facility,
                    vessel,
                    voyage,
                    empty,
                    announced,
                    planned,
                    planned.plus(Duration.ofHours(slipHours))));
        }
    }

    /** Small numbers from SHA-256 hashes of the container number, one byte pair per roll. */
    private static final class Dice {
        private final byte[] bytes;
        private int next;

        Dice(String containerNumber) {
            String seed = containerNumber.trim().toUpperCase(Locale.ROOT);
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] first = sha.digest(seed.getBytes(StandardCharsets.UTF_8));
                byte[] second = sha.digest((seed + "#2").getBytes(StandardCharsets.UTF_8));
                this.bytes = new byte[first.length + second.length];
                System.arraycopy(first, 0, bytes, 0, first.length);
                System.arraycopy(second, 0, bytes, first.length, second.length);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
        }

        int roll(int bound) {
            int high = bytes[next % bytes.length] & 0xff;
            int low = bytes[(next + 1) % bytes.length] & 0xff;
            next += 2;
            return ((high << 8) | low) % bound;
        }
    }
}
