package com.vibotaj.tracehub.tracking.internal.provider.vizion;

import com.vibotaj.tracehub.tracking.internal.provider.EventClassifier;
import com.vibotaj.tracehub.tracking.internal.provider.EventFamily;
import com.vibotaj.tracehub.tracking.internal.provider.Payloads;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderCodeMappings;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderEvent;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderResponseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads Vizion reference updates, which arrive both as webhook bodies and from the updates endpoint. An
 * update carries the container's whole milestone list, so the same event is seen many times; ids derived
 * from the event's content make storing it idempotent.
 */
final class VizionPayloads {

    private final ProviderCodeMappings mappings;

    VizionPayloads(ProviderCodeMappings mappings) {
        this.mappings = mappings;
    }

    record Update(
            @Nullable String updateId,
            @Nullable String referenceId,
            @Nullable String containerNumber,
            List<ProviderEvent> events,
            @Nullable Instant estimatedArrival) {}

    Update update(JsonNode update, @Nullable String knownContainer) {
        if (!update.isObject()) {
            throw new ProviderResponseException(VizionClient.ID, "update is not an object");
        }
        // Older updates nest the tracking data under "payload"; newer ones carry it at the top level.
        JsonNode data = update.path("payload").isObject() ? update.path("payload") : update;
        String container = firstText(data, update, "container_id");
        if (container == null) {
            container = knownContainer;
        }
        if (container == null) {
            throw new ProviderResponseException(VizionClient.ID, "update without container_id");
        }
        List<ProviderEvent> events = new ArrayList<>();
        JsonNode list = data.path("events");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            throw new ProviderResponseException(VizionClient.ID, "events is not a list");
        }
        for (JsonNode event : list.values()) {
            events.add(event(event, container));
        }
        return new Update(
                Payloads.text(update, "id"),
                firstText(update, data, "reference_id"),
                container,
                events,
                Payloads.instant(VizionClient.ID, Payloads.text(data, "estimated_arrival")));
    }

    private ProviderEvent event(JsonNode event, String container) {
        String type = Payloads.text(event, "event_type");
        String description = Payloads.text(event, "description");
        String code = type != null ? type : description;
        if (code == null) {
            throw new ProviderResponseException(VizionClient.ID, "event without event_type or description");
        }
        Instant time = Payloads.instant(
                VizionClient.ID,
                Optional.ofNullable(Payloads.text(event, "event_timestamp")).orElse(Payloads.text(event, "timestamp")));
        if (time == null) {
            throw new ProviderResponseException(VizionClient.ID, "event without timestamp");
        }
        // Vizion lists estimated milestones next to actual ones; an event without the flag is historical.
        JsonNode flag = event.path("is_actual");
        boolean actual = !flag.isBoolean() || flag.booleanValue();
        EventClassifier classifier = actual ? EventClassifier.ACT : EventClassifier.EST;
        Optional<ProviderCodeMappings.Mapping> mapping = mappings.find(code);
        if (mapping.isEmpty() && type != null && description != null) {
            mapping = mappings.find(description);
        }
        String unlocode = Payloads.text(event, "location", "locode");
        if (unlocode == null) {
            unlocode = Payloads.text(event, "location", "unlocode");
        }
        String vessel = event.path("vessel").isObject()
                ? Payloads.text(event, "vessel", "name")
                : Payloads.text(event, "vessel");
        String voyage = event.path("vessel").isObject()
                ? Payloads.text(event, "vessel", "voyage")
                : Payloads.text(event, "voyage");
        String id = Payloads.text(event, "id");
        return new ProviderEvent(
                id != null
                        ? VizionClient.ID + ":" + id
                        : Payloads.derivedId(VizionClient.ID, container, code, time, unlocode, classifier),
                mapping.map(ProviderCodeMappings.Mapping::family).orElse(EventFamily.EQUIPMENT),
                mapping.map(ProviderCodeMappings.Mapping::dcsaCode).orElse(null),
                code,
                classifier,
                time,
                unlocode,
                Payloads.text(event, "location", "name"),
                null,
                vessel,
                voyage,
                emptyIndicator(description),
                false,
                false);
    }

    /** Vizion says "full" or "empty" in the milestone text; nothing else tells us. */
    private static @Nullable String emptyIndicator(@Nullable String description) {
        if (description == null) {
            return null;
        }
        String text = description.toLowerCase(Locale.ROOT);
        if (text.contains("empty")) {
            return "EMPTY";
        }
        if (text.contains("full") || text.contains("laden")) {
            return "LADEN";
        }
        return null;
    }

    private static @Nullable String firstText(JsonNode first, JsonNode second, String field) {
        String value = Payloads.text(first, field);
        return value != null ? value : Payloads.text(second, field);
    }
}
