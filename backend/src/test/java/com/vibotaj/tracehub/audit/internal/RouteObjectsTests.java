package com.vibotaj.tracehub.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.audit.internal.RouteObjects.ObjectRef;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteObjectsTests {

    @Test
    void theLastPathVariableIsTheObjectNamedByTheCollectionBeforeIt() {
        assertThat(RouteObjects.of("/api/shipments/{id}", Map.of("id", "s1")))
                .isEqualTo(new ObjectRef("shipment", "s1"));
        assertThat(RouteObjects.of("/api/shipments/{id}/documents", Map.of("id", "s1")))
                .isEqualTo(new ObjectRef("shipment", "s1"));
        assertThat(RouteObjects.of("/api/documents/{docId}/transitions", Map.of("docId", "d1")))
                .isEqualTo(new ObjectRef("document", "d1"));
        assertThat(RouteObjects.of(
                        "/api/shipments/{id}/compliance/overrides/{overrideId}",
                        Map.of("id", "s1", "overrideId", "o1")))
                .isEqualTo(new ObjectRef("override", "o1"));
        assertThat(RouteObjects.of("/api/shipments/{id}/eudr/dds-references/{refId}", Map.of("id", "s", "refId", "r")))
                .isEqualTo(new ObjectRef("dds-reference", "r"));
        assertThat(RouteObjects.of("/api/tracking/webhook-deliveries/{id}/replay", Map.of("id", "w")))
                .isEqualTo(new ObjectRef("webhook-delivery", "w"));
    }

    @Test
    void aVariableAfterAnotherIsNamedByItself() {
        assertThat(RouteObjects.of(
                        "/api/public/webhooks/{provider}/{organizationId}",
                        Map.of("provider", "vizion", "organizationId", "o")))
                .isEqualTo(new ObjectRef("organization", "o"));
    }

    @Test
    void withoutVariablesTheFirstCollectionIsTheType() {
        assertThat(RouteObjects.of("/api/shipments", Map.of())).isEqualTo(new ObjectRef("shipment", null));
        assertThat(RouteObjects.of("/api/organization/settings", Map.of()))
                .isEqualTo(new ObjectRef("organization", null));
        assertThat(RouteObjects.of("/api/public/invitations/accept", Map.of()))
                .isEqualTo(new ObjectRef("invitation", null));
    }

    @Test
    void secretsInThePathAreNeverRecorded() {
        assertThat(RouteObjects.of("/api/public/invitations/{token}", Map.of("token", "s3cr3t")))
                .isEqualTo(new ObjectRef("invitation", null));
        assertThat(RouteObjects.of("/api/things/{apiKey}", Map.of("apiKey", "k")))
                .isEqualTo(new ObjectRef("thing", null));
    }
}
