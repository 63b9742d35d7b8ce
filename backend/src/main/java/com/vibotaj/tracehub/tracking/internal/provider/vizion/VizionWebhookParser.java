package com.vibotaj.tracehub.tracking.internal.provider.vizion;

import com.vibotaj.tracehub.tracking.internal.provider.Payloads;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderCodeMappings;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderResponseException;

/**
 * Turns a Vizion webhook body into events. Verify the signature ({@code WebhookSignatures}) on the raw
 * bytes before calling this; parsing never trusts the body more than that.
 */
public final class VizionWebhookParser {

    private final VizionPayloads payloads;

    public VizionWebhookParser(ProviderCodeMappings mappings) {
        this.payloads = new VizionPayloads(mappings);
    }

    /**
     * @throws ProviderResponseException when the body is not a Vizion update
     */
    public VizionWebhook parse(byte[] body) {
        VizionPayloads.Update update = payloads.update(Payloads.parse(VizionClient.ID, body), null);
        if (update.referenceId() == null || update.containerNumber() == null) {
            throw new ProviderResponseException(VizionClient.ID, "webhook without reference_id or container_id");
        }
        return new VizionWebhook(
                update.updateId(),
                update.referenceId(),
                update.containerNumber(),
                update.events(),
                update.estimatedArrival());
    }
}
