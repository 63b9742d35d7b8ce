package com.vibotaj.tracehub.tracking.internal.provider.vizion;

import static com.vibotaj.tracehub.tracking.internal.provider.ProviderFixtures.fixtureBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vibotaj.tracehub.tracking.internal.provider.EventClassifier;
import com.vibotaj.tracehub.tracking.internal.provider.EventFamily;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderCodeMappings;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderEvent;
import com.vibotaj.tracehub.tracking.internal.provider.ProviderResponseException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VizionWebhookParserTests {

    private final VizionWebhookParser parser = new VizionWebhookParser(ProviderCodeMappings.load("vizion"));

    @Test
    void readsReferenceContainerAndTransshipmentEvents() {
        VizionWebhook webhook = parser.parse(fixtureBytes("vizion/webhook-update.json"));

        assertThat(webhook.referenceId()).isEqualTo("8c3f2d6e-5b1a-4f7e-9d2c-1a2b3c4d5e6f");
        assertThat(webhook.containerNumber()).isEqualTo("MSCU1234566");
        assertThat(webhook.updateId()).isEqualTo("upd-0003");
        assertThat(webhook.estimatedArrival()).isEqualTo(Instant.parse("2026-12-01T06:00:00Z"));
        assertThat(webhook.events()).extracting(ProviderEvent::dcsaCode).containsExactly("ARRI", "DISC", null);
        ProviderEvent arrival = webhook.events().get(0);
        assertThat(arrival.family()).isEqualTo(EventFamily.TRANSPORT);
        assertThat(arrival.classifier()).isEqualTo(EventClassifier.ACT);
        assertThat(arrival.unlocode()).isEqualTo("MAPTM");
        assertThat(arrival.eventTime()).isEqualTo(Instant.parse("2026-11-16T04:30:00Z"));
        assertThat(webhook.events().get(2).providerCode()).isEqualTo("Feeder connection confirmed");
    }

    @Test
    void givesAPushedEventTheSameIdAsWhenPulled() {
        String pushed = "{\"reference_id\":\"r\",\"container_id\":\"MSCU1234566\",\"events\":[{"
                + "\"description\":\"Vessel departure\",\"event_timestamp\":\"2026-11-05T22:10:00+01:00\","
                + "\"location\":{\"locode\":\"NGAPP\"}}]}";
        String samePushedLater = "{\"id\":\"other-update\",\"reference_id\":\"r\",\"container_id\":\"MSCU1234566\","
                + "\"events\":[{\"description\":\"Vessel departure\",\"event_timestamp\":\"2026-11-05T21:10:00Z\","
                + "\"location\":{\"locode\":\"NGAPP\",\"name\":\"Apapa\"}}]}";

        String first = parser.parse(pushed.getBytes(StandardCharsets.UTF_8))
                .events()
                .get(0)
                .providerEventId();
        String second = parser.parse(samePushedLater.getBytes(StandardCharsets.UTF_8))
                .events()
                .get(0)
                .providerEventId();

        assertThat(first).isEqualTo(second).startsWith("vizion:");
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        assertThatThrownBy(() -> parser.parse("<html>oops</html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProviderResponseException.class)
                .hasMessageNotContaining("oops");
    }

    @Test
    void rejectsAnUpdateWithoutReference() {
        byte[] body = "{\"container_id\":\"MSCU1234566\",\"events\":[]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(ProviderResponseException.class);
    }

    @Test
    void rejectsAnEventWithoutTimestamp() {
        byte[] body = "{\"reference_id\":\"r\",\"container_id\":\"C\",\"events\":[{\"description\":\"Gate in full\"}]}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(ProviderResponseException.class);
    }
}
