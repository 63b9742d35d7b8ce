package com.vibotaj.tracehub.tracking.internal.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured providers. New trackings use {@link #active()}: Vizion when configured (it pushes and keeps
 * history), else JSONCargo, else the simulator, so the app always tracks something. Existing trackings keep
 * the provider they started with and find it with {@link #byId}.
 */
public final class TrackingProviders {

    /** Preference order for new trackings. */
    private static final List<String> PREFERENCE = List.of("vizion", "jsoncargo", "simulator");

    private final Map<String, TrackingProvider> byId = new LinkedHashMap<>();

    public TrackingProviders(List<TrackingProvider> providers) {
        for (TrackingProvider provider : providers) {
            if (byId.put(provider.id(), provider) != null) {
                throw new IllegalArgumentException("two providers with id " + provider.id());
            }
        }
        if (PREFERENCE.stream().noneMatch(byId::containsKey)) {
            throw new IllegalArgumentException("no tracking provider available; the simulator should always be");
        }
    }

    public TrackingProvider active() {
        return PREFERENCE.stream()
                .filter(byId::containsKey)
                .map(byId::get)
                .findFirst()
                .orElseThrow();
    }

    public Optional<TrackingProvider> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<TrackingProvider> all() {
        return List.copyOf(byId.values());
    }
}
