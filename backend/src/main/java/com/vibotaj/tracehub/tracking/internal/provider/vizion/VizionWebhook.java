package com.vibotaj.tracehub.tracking.internal.provider.vizion;

import com.vibotaj.tracehub.tracking.internal.provider.ProviderEvent;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One Vizion webhook delivery, read.
 *
 * @param updateId Vizion's id of this update, when given (useful to spot a re-delivery)
 * @param referenceId the Vizion reference the update belongs to
 * @param estimatedArrival Vizion's current arrival estimate, when given
 */
public record VizionWebhook(
        @Nullable String updateId,
        String referenceId,
        String containerNumber,
        List<ProviderEvent> events,
        @Nullable Instant estimatedArrival) {

    public VizionWebhook {
        events = List.copyOf(events);
    }
}
