package com.vibotaj.tracehub.tracking.internal.provider;

import java.util.Set;

/**
 * A source of container tracking events. Implementations map every payload to DCSA codes through an
 * explicit table and fail only with {@link ProviderException} subclasses, so callers can decide between
 * retrying later, asking the user and giving up.
 */
public interface TrackingProvider {

    /** Stable id stored with every event: "vizion", "jsoncargo" or "simulator". */
    String id();

    Set<Capability> capabilities();

    default boolean supports(Capability capability) {
        return capabilities().contains(capability);
    }

    /**
     * Registers the container with a push provider.
     *
     * @return the provider's reference id, to be passed back as {@link TrackingRequest#providerReference()}
     */
    default String subscribe(TrackingRequest request) {
        throw new UnsupportedOperationException(id() + " does not support subscriptions");
    }

    /** Pulls the current state of the container. */
    TrackingSnapshot fetch(TrackingRequest request);
}
