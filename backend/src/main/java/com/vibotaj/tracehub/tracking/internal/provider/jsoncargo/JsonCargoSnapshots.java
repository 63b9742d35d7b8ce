package com.vibotaj.tracehub.tracking.internal.provider.jsoncargo;

import com.vibotaj.tracehub.tracking.internal.provider.EventClassifier;
import com.vibotaj.tracehub.tracking.internal.provider.EventFamily;
import com.vibotaj.tracehub.tracking.internal.provider.Payloads;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderCodeMappings;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderEvent;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderResponseException;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Derives events from a JSONCargo status snapshot. Each rule is explicit: the actual departure from the
 * origin, the reported status at the last location, and the arrival estimates at the next location and at
 * the final destination. Every derived event is marked {@code derived} and gets an id from its content,
 * so the next identical snapshot yields the same ids and a changed estimate yields a new one.
 */
final class JsonCargoSnapshots {

    /** Statuses after which an estimate of arrival at the destination is history, not news. */
    private static final Set<String> ARRIVED = Set.of("ARRI", "DISC", "GTOT", "CUSR");

    private final ProviderCodeMappings mappings;

    JsonCargoSnapshots(ProviderCodeMappings mappings) {
        this.mappings = mappings;
    }

    TrackingSnapshot snapshot(String containerNumber, byte[] body, String rawPayload) {
        JsonNode root = Payloads.parse(JsonCargoClient.ID, body);
        JsonNode data = root.path("data");
        if (!data.isObject()) {
            throw new ProviderResponseException(JsonCargoClient.ID, "response without a data object");
        }
        String container =
                Optional.ofNullable(Payloads.text(data, "container_id")).orElse(containerNumber);
        String vessel = Optional.ofNullable(Payloads.text(data, "current_vessel_name"))
                .orElse(Payloads.text(data, "last_vessel_name"));
        String voyage = Optional.ofNullable(Payloads.text(data, "current_voyage_number"))
                .orElse(Payloads.text(data, "last_voyage_number"));
        String origin =
                Optional.ofNullable(Payloads.text(data, "shipped_from")).orElse(Payloads.text(data, "loading_port"));
        String destination =
                Optional.ofNullable(Payloads.text(data, "shipped_to")).orElse(Payloads.text(data, "discharging_port"));
        Instant eta = time(data, "eta_final_destination");

        List<ProviderEvent> events = new ArrayList<>();
        Instant departed = time(data, "atd_origin");
        if (departed != null) {
            events.add(event(container, "atd_origin", EventClassifier.ACT, departed, origin, vessel, voyage));
        }
        String status = Payloads.text(data, "status");
        Instant statusTime = Optional.ofNullable(time(data, "last_movement_timestamp"))
                .orElse(time(data, "timestamp_of_last_location"));
        ProviderEvent statusEvent = null;
        if (status != null && statusTime != null) {
            statusEvent = event(
                    container,
                    status,
                    EventClassifier.ACT,
                    statusTime,
                    Payloads.text(data, "last_location"),
                    vessel,
                    voyage);
            events.add(statusEvent);
        }
        String statusCode = statusEvent == null ? null : statusEvent.dcsaCode();
        boolean arrived = statusCode != null && ARRIVED.contains(statusCode);
        String next = Payloads.text(data, "next_location");
        Instant nextEta = time(data, "eta_next_destination");
        if (!arrived && next != null && nextEta != null && !next.equalsIgnoreCase(destination)) {
            events.add(event(container, "eta_next_destination", EventClassifier.EST, nextEta, next, vessel, voyage));
        }
        if (!arrived && eta != null) {
            events.add(
                    event(container, "eta_final_destination", EventClassifier.EST, eta, destination, vessel, voyage));
        }
        events.sort(Comparator.comparing(ProviderEvent::eventTime));
        return new TrackingSnapshot(events, eta, vessel, voyage, rawPayload);
    }

    private ProviderEvent event(
            String container,
            String code,
            EventClassifier classifier,
            Instant time,
            @Nullable String location,
            @Nullable String vessel,
            @Nullable String voyage) {
        Optional<ProviderCodeMappings.Mapping> mapping = mappings.find(code);
        return new ProviderEvent(
                Payloads.derivedId(JsonCargoClient.ID, container, code, classifier, time, location),
                mapping.map(ProviderCodeMappings.Mapping::family).orElse(EventFamily.EQUIPMENT),
                mapping.map(ProviderCodeMappings.Mapping::dcsaCode).orElse(null),
                code,
                classifier,
                time,
                null,
                location,
                null,
                vessel,
                voyage,
                null,
                true,
                false);
    }

    private static @Nullable Instant time(JsonNode data, String field) {
        return Payloads.instant(JsonCargoClient.ID, Payloads.text(data, field));
    }
}
