package com.vibotaj.tracehub.tracking.internal.provider.vizion;

import com.vibotaj.tracehub.tracking.internal.provider.Capability;
import com.vibotaj.tracehub.tracking.internal.provider.EventClassifier;
import com.vibotaj.tracehub.tracking.internal.provider.Payloads;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderCodeMappings;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderConfigurationException;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderEvent;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderHttp;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderRateLimiter;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderResponseException;
import com.vibotaj.tracehub.tracking.internal.provider.Sleeper;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingProvider;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingProviderProperties;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingRequest;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Vizion: a container is subscribed once as a "reference" (with our callback URL, so updates are pushed),
 * and its updates can be listed by pull at any time. Pulling is how TraceHub backfills, because Vizion
 * does not re-send webhooks that failed.
 */
public final class VizionClient implements TrackingProvider {

    public static final String ID = "vizion";

    /** The API key header Vizion documents. */
    static final String API_KEY_HEADER = "X-API-Key";

    private final @Nullable String callbackUrl;
    private final ProviderHttp http;
    private final VizionPayloads payloads;

    public VizionClient(
            TrackingProviderProperties.Vizion properties,
            ProviderCodeMappings mappings,
            Sleeper sleeper,
            LongSupplier ticker,
            Clock clock) {
        String apiKey = properties.apiKey();
        if (apiKey == null || apiKey.isBlank()) {
            throw new ProviderConfigurationException(ID, "no API key configured");
        }
        this.callbackUrl = properties.callbackUrl();
        this.http = new ProviderHttp(
                ID,
                ProviderHttp.restClient(
                        properties.baseUrl(), properties.http(), headers -> headers.set(API_KEY_HEADER, apiKey)),
                properties.http(),
                new ProviderRateLimiter(properties.http().requestsPerMinute(), ticker),
                sleeper,
                clock);
        this.payloads = new VizionPayloads(mappings);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PULL, Capability.PUSH_WEBHOOK, Capability.SUBSCRIBE, Capability.EVENT_HISTORY);
    }

    @Override
    public String subscribe(TrackingRequest request) {
        ObjectNode body = Payloads.mapper().createObjectNode();
        body.put("container_id", request.containerNumber());
        if (request.carrierScac() != null) {
            body.put("carrier_scac", request.carrierScac());
        }
        if (request.billOfLading() != null) {
            body.put("bill_of_lading", request.billOfLading());
        }
        if (callbackUrl != null && !callbackUrl.isBlank()) {
            // One webhook endpoint per organisation: the configured URL names it with {organizationId}.
            body.put("callback_url", callbackUrl.replace("{organizationId}", String.valueOf(request.organizationId())));
        }
        byte[] json = Payloads.mapper().writeValueAsBytes(body);
        JsonNode response = Payloads.parse(
                ID,
                http.execute(
                        "create reference",
                        false,
                        rest -> rest.post()
                                .uri("/references")
                                .contentType(MediaType.APPLICATION_JSON)
                                .accept(MediaType.APPLICATION_JSON)
                                .body(json)));
        String referenceId = Payloads.text(response, "reference", "id");
        if (referenceId == null) {
            referenceId = Payloads.text(response, "id");
        }
        if (referenceId == null) {
            throw new ProviderResponseException(ID, "reference creation answered without an id");
        }
        return referenceId;
    }

    @Override
    public TrackingSnapshot fetch(TrackingRequest request) {
        String reference = request.providerReference();
        if (reference == null || reference.isBlank()) {
            throw new ProviderConfigurationException(ID, "container is not subscribed (no reference id)");
        }
        byte[] body = http.execute(
                "list reference updates",
                rest -> rest.get().uri("/references/{id}/updates", reference).accept(MediaType.APPLICATION_JSON));
        JsonNode root = Payloads.parse(ID, body);
        JsonNode list = root.isArray() ? root : root.path("data").isArray() ? root.path("data") : root.path("updates");
        if (!list.isArray()) {
            throw new ProviderResponseException(ID, "reference updates are not a list");
        }
        // Updates come oldest first; later ones restate earlier events, so keep the latest copy of each.
        Map<String, ProviderEvent> events = new LinkedHashMap<>();
        Instant eta = null;
        for (JsonNode node : list.values()) {
            VizionPayloads.Update update = payloads.update(node, request.containerNumber());
            update.events().forEach(event -> events.put(event.providerEventId(), event));
            if (update.estimatedArrival() != null) {
                eta = update.estimatedArrival();
            }
        }
        List<ProviderEvent> ordered = events.values().stream()
                .sorted(Comparator.comparing(ProviderEvent::eventTime))
                .toList();
        ProviderEvent lastWithVessel = ordered.stream()
                .filter(e -> e.classifier() == EventClassifier.ACT && e.vesselName() != null)
                .reduce((a, b) -> b)
                .orElse(null);
        return new TrackingSnapshot(
                ordered,
                eta,
                lastWithVessel == null ? null : lastWithVessel.vesselName(),
                lastWithVessel == null ? null : lastWithVessel.voyage(),
                new String(Objects.requireNonNull(body), StandardCharsets.UTF_8));
    }
}
