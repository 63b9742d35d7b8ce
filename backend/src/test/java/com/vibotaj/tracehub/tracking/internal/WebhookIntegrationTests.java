package com.vibotaj.tracehub.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import com.vibotaj.tracehub.tracking.internal.provider.WebhookSignatures;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The Vizion push endpoint: stored first, signature required, idempotent, replayable, logged per organisation. */
@IntegrationTest
class WebhookIntegrationTests {

    static final String SECRET = "test-webhook-secret"; // application-test.yml
    static final String CONTAINER = "MSCU1234566"; // the fixture's container
    static final String REFERENCE = "8c3f2d6e-5b1a-4f7e-9d2c-1a2b3c4d5e6f";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    TestData.Org exporter;
    String admin;
    String shipmentId;
    byte[] body;

    @BeforeEach
    void setUp() throws Exception {
        exporter = data.organization("exporter");
        TestData.Org buyer = data.organization("buyer");
        data.partner(exporter, buyer);
        admin = Api.login(mvc, data.user(exporter, "admin")).bearer();
        String created = mvc.perform(post("/api/shipments")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"reference":"HOOK-1","productType":"cocoa_beans","buyerOrganizationId":"%s",
                                 "portOfLoading":"NGAPP","portOfDischarge":"DEHAM","carrierScac":"MSCU",
                                 "containers":[{"number":"%s"}]}""".formatted(buyer.id(), CONTAINER)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        shipmentId = JsonPath.read(created, "$.id");
        // This container is followed through Vizion under the reference the fixture names.
        data.owner()
                .update(
                        "UPDATE tracking_subscription SET provider = 'vizion', provider_reference = ? WHERE shipment_id = ?",
                        REFERENCE,
                        UUID.fromString(shipmentId));
        try (var in = getClass().getResourceAsStream("/tracking/fixtures/vizion/webhook-update.json")) {
            body = in.readAllBytes();
        }
    }

    ResultActions deliver(UUID org, byte[] payload, String signature) throws Exception {
        var request = post("/api/public/webhooks/vizion/" + org)
                .contentType(MediaType.APPLICATION_JSON)
                .content(payload);
        if (signature != null) {
            request.header("X-Webhook-Signature", signature);
        }
        return mvc.perform(request);
    }

    long events() {
        return data.owner()
                .queryForObject(
                        "SELECT count(*) FROM tracking_event WHERE shipment_id = ?",
                        Long.class,
                        UUID.fromString(shipmentId));
    }

    String sign(byte[] payload) {
        return "sha256=" + new WebhookSignatures(SECRET).sign(payload);
    }

    @Test
    void aSignedDeliveryIsStoredProcessedIntoDcsaEventsAndIdempotentWhenRepeated() throws Exception {
        deliver(exporter.id(), body, sign(body))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("processed"))
                .andExpect(jsonPath("$.eventsRecorded").value(3));
        assertThat(events()).isEqualTo(3);
        // The unknown "Feeder connection confirmed" is kept raw, not dropped or invented.
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT count(*) FROM tracking_event WHERE shipment_id = ? AND dcsa_code IS NULL",
                                Long.class,
                                UUID.fromString(shipmentId)))
                .isEqualTo(1);

        deliver(exporter.id(), body, sign(body))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.eventsRecorded").value(0));
        assertThat(events()).isEqualTo(3);
        assertThat(data.owner()
                        .queryForList(
                                "SELECT status FROM webhook_inbox WHERE organization_id = ?",
                                String.class,
                                exporter.id()))
                .containsExactly("processed", "processed");
    }

    @Test
    void missingOrWrongSignaturesAre401AndStoredAsRejectedWithoutEffect() throws Exception {
        deliver(exporter.id(), body, null)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://tracehub.vibotaj.com/problems/invalid-signature"));
        deliver(exporter.id(), body, "sha256=" + "0".repeat(64)).andExpect(status().isUnauthorized());
        byte[] tampered = new String(body, StandardCharsets.UTF_8)
                .replace("Tanger Med", "Tanger Mad")
                .getBytes(StandardCharsets.UTF_8);
        deliver(exporter.id(), tampered, sign(body)).andExpect(status().isUnauthorized());
        assertThat(events()).isZero();
        assertThat(data.owner()
                        .queryForList(
                                "SELECT status || ':' || signature_valid FROM webhook_inbox WHERE organization_id = ?",
                                String.class,
                                exporter.id()))
                .containsOnly("rejected:false")
                .hasSize(3);
    }

    @Test
    void anAdminSeesTheDeliveryLogAndReplaysSignedDeliveriesOnly() throws Exception {
        deliver(exporter.id(), body, null).andExpect(status().isUnauthorized());
        String accepted = deliver(exporter.id(), body, sign(body))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String acceptedId = JsonPath.read(accepted, "$.deliveryId");
        String rejectedId = data.owner()
                .queryForObject(
                        "SELECT id::text FROM webhook_inbox WHERE organization_id = ? AND status = 'rejected'",
                        String.class,
                        exporter.id());

        mvc.perform(get("/api/tracking/webhook-deliveries").header("Authorization", admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2));
        mvc.perform(post("/api/tracking/webhook-deliveries/" + acceptedId + "/replay")
                        .header("Authorization", admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("processed"))
                .andExpect(jsonPath("$.eventsRecorded").value(0));
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT attempts FROM webhook_inbox WHERE id = ?::uuid", Integer.class, acceptedId))
                .isEqualTo(2);
        mvc.perform(post("/api/tracking/webhook-deliveries/" + rejectedId + "/replay")
                        .header("Authorization", admin))
                .andExpect(status().isNotFound());

        // Another organisation's admin sees none of it; a viewer may not look.
        String otherAdmin = Api.login(mvc, data.user(data.organization("exporter"), "admin"))
                .bearer();
        mvc.perform(get("/api/tracking/webhook-deliveries").header("Authorization", otherAdmin))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(post("/api/tracking/webhook-deliveries/" + acceptedId + "/replay")
                        .header("Authorization", otherAdmin))
                .andExpect(status().isNotFound());
        String viewer = Api.login(mvc, data.user(exporter, "viewer")).bearer();
        mvc.perform(get("/api/tracking/webhook-deliveries").header("Authorization", viewer))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDeliveryToAnotherOrganisationsUrlTouchesNoneOfThisOrganisationsShipments() throws Exception {
        TestData.Org other = data.organization("exporter");
        deliver(other.id(), body, sign(body))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("unmatched"));
        assertThat(events()).isZero();
        deliver(UUID.randomUUID(), body, sign(body)).andExpect(status().isNotFound());
        deliver(
                        exporter.id(),
                        "not json".getBytes(StandardCharsets.UTF_8),
                        sign("not json".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("failed"));
    }
}
