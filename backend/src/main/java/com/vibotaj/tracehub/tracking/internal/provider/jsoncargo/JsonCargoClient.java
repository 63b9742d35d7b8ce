package com.vibotaj.tracehub.tracking.internal.provider.jsoncargo;

import com.vibotaj.tracehub.tracking.internal.provider.Capability;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderCodeMappings;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderConfigurationException;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderHttp;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderRateLimiter;
import com.vibotaj.tracehub.tracking.internal.provider.Sleeper;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingProvider;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingProviderProperties;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingRequest;
import com.vibotaj.tracehub.tracking.internal.provider.TrackingSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.function.LongSupplier;
import org.springframework.http.MediaType;

/**
 * JSONCargo: pull only, one status snapshot per call, and the carrier must be named. Events are derived
 * from the snapshot ({@link JsonCargoSnapshots}).
 */
public final class JsonCargoClient implements TrackingProvider {

    public static final String ID = "jsoncargo";

    static final String API_KEY_HEADER = "x-api-key";

    private final ProviderHttp http;
    private final JsonCargoSnapshots snapshots;

    public JsonCargoClient(
            TrackingProviderProperties.JsonCargo properties,
            ProviderCodeMappings mappings,
            Sleeper sleeper,
            LongSupplier ticker,
            Clock clock) {
        String apiKey = properties.apiKey();
        if (apiKey == null || apiKey.isBlank()) {
            throw new ProviderConfigurationException(ID, "no API key configured");
        }
        this.http = new ProviderHttp(
                ID,
                ProviderHttp.restClient(
                        properties.baseUrl(), properties.http(), headers -> headers.set(API_KEY_HEADER, apiKey)),
                properties.http(),
                new ProviderRateLimiter(properties.http().requestsPerMinute(), ticker),
                sleeper,
                clock);
        this.snapshots = new JsonCargoSnapshots(mappings);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PULL, Capability.REQUIRES_CARRIER, Capability.SNAPSHOT_ONLY);
    }

    @Override
    public TrackingSnapshot fetch(TrackingRequest request) {
        if (request.carrierScac() == null || request.carrierScac().isBlank()) {
            throw new ProviderConfigurationException(ID, "the carrier (SCAC) is required");
        }
        String shippingLine = JsonCargoShippingLines.forScac(request.carrierScac())
                .orElseThrow(() -> new ProviderConfigurationException(
                        ID, "carrier " + request.carrierScac() + " is not supported"));
        byte[] body = http.execute(
                "fetch container",
                rest -> rest.get()
                        .uri(uri -> uri.path("/containers/{number}")
                                .queryParam("shipping_line", shippingLine)
                                .build(request.containerNumber()))
                        .accept(MediaType.APPLICATION_JSON));
        return snapshots.snapshot(request.containerNumber(), body, new String(body, StandardCharsets.UTF_8));
    }
}
