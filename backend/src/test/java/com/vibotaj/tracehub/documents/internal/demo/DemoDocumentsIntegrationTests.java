package com.vibotaj.tracehub.documents.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.shipments.ContainerNumber;
import com.vibotaj.tracehub.shipments.DemoShipmentsReady;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo documents go through the real service and leave the spread of states the demo promises. */
@IntegrationTest
class DemoDocumentsIntegrationTests {

    @Autowired
    DemoDocuments demo;

    @Autowired
    TestData data;

    TestData.Org exporter;
    TestData.Org supplier;

    UUID shipment(String reference, String product, String hs, String status, boolean withSupplier) {
        UUID id = UUID.randomUUID();
        data.owner()
                .update(
                        "INSERT INTO shipment (id, organization_id, reference, product_type, status, port_of_loading,"
                                + " port_of_discharge, etd) VALUES (?, ?, ?, ?, ?, 'NGAPP', 'DEHAM', now() + interval '9 days')",
                        id,
                        exporter.id(),
                        reference,
                        product,
                        status);
        String first = "MSKU" + String.format("%06d", Math.abs(reference.hashCode()) % 1_000_000);
        String container = first + ContainerNumber.checkDigit(first);
        data.owner()
                .update(
                        "INSERT INTO shipment_container (id, shipment_id, organization_id, position, container_number)"
                                + " VALUES (?, ?, ?, 1, ?)",
                        UUID.randomUUID(),
                        id,
                        exporter.id(),
                        container);
        data.owner()
                .update(
                        "INSERT INTO shipment_product_line (id, shipment_id, organization_id, position, hs_code, description,"
                                + " net_weight_kg, gross_weight_kg, moisture_percent, container_number)"
                                + " VALUES (?, ?, ?, 1, ?, 'demo goods', 21820, 22000, 7.5, ?)",
                        UUID.randomUUID(),
                        id,
                        exporter.id(),
                        hs,
                        container);
        if (withSupplier) {
            data.owner()
                    .update(
                            "INSERT INTO shipment_party (shipment_id, organization_id, party_organization_id, role)"
                                    + " VALUES (?, ?, ?, 'supplier')",
                            id,
                            exporter.id(),
                            supplier.id());
        }
        return id;
    }

    List<Map<String, Object>> documents(UUID shipment) {
        return data.owner()
                .queryForList(
                        "SELECT type, status, reference_number, fields::text AS fields, uploaded_by_organization_id,"
                                + " suggestions::text AS suggestions FROM document WHERE shipment_id = ? ORDER BY type",
                        shipment);
    }

    @Test
    void createsApprovedPendingRejectedAndMissingDocumentsThatAgreeWithTheShipments() {
        exporter = data.organization("exporter");
        supplier = data.organization("supplier");
        // The demo identity loader gives the demo exporter this TRACES number; compliance checks the
        // TRACES certificate against it before approval, so the test's exporter needs it too.
        data.owner()
                .update("UPDATE organization SET traces_number = 'NG-TRACES-2026-0417' WHERE id = ?", exporter.id());
        data.user(exporter, "logistics");
        data.user(exporter, "compliance");
        data.user(supplier, "supplier");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID horn = shipment("H-" + tag, "horn_hoof", "050690", "in_transit", false);
        UUID cocoa = shipment("C-" + tag, "cocoa_beans", "180100", "docs_complete", true);
        UUID pending1 = shipment("P1-" + tag, "sesame", "120740", "docs_pending", false);
        UUID pending2 = shipment("P2-" + tag, "ginger", "091011", "docs_pending", false);
        UUID draft = shipment("D-" + tag, "cashew", "080131", "draft", false);

        demo.load(new DemoShipmentsReady(
                exporter.id(), Map.of(horn, 5, cocoa, -3, pending1, -10, pending2, -12, draft, -20)));

        List<Map<String, Object>> hornDocs = documents(horn);
        assertThat(hornDocs)
                .extracting(d -> d.get("type"))
                .containsExactlyInAnyOrderElementsOf(DemoDocuments.REQUIRED.get("horn_hoof"));
        assertThat(hornDocs).allSatisfy(d -> assertThat(d.get("status")).isEqualTo("approved"));
        assertThat(hornDocs)
                .filteredOn(d -> d.get("type").equals("eu_traces_certificate"))
                .singleElement()
                .satisfies(d -> assertThat((String) d.get("fields")).contains("NG-TRACES-2026-0417"));
        assertThat(hornDocs)
                .filteredOn(d -> d.get("type").equals("bill_of_lading"))
                .singleElement()
                .satisfies(d -> {
                    assertThat((String) d.get("fields")).contains("050690").contains("22000");
                    // The PDF's text yields the same facts as suggestions.
                    assertThat((String) d.get("suggestions"))
                            .contains("bill_of_lading")
                            .contains("050690");
                });

        List<Map<String, Object>> cocoaDocs = documents(cocoa);
        assertThat(cocoaDocs).hasSize(DemoDocuments.REQUIRED.get("cocoa_beans").size());
        assertThat(cocoaDocs)
                .filteredOn(d -> d.get("type").equals("quality_certificate"))
                .singleElement()
                .satisfies(d -> assertThat(d.get("uploaded_by_organization_id")).isEqualTo(supplier.id()));

        List<Object> statuses = new java.util.ArrayList<>();
        documents(pending1).forEach(d -> statuses.add(d.get("status")));
        documents(pending2).forEach(d -> statuses.add(d.get("status")));
        assertThat(statuses).contains("approved", "under_review", "uploaded", "rejected");
        assertThat(documents(pending1).size()).isLessThan(6);
        assertThat(data.owner()
                        .queryForObject(
                                "SELECT reason FROM document_transition t JOIN document d ON d.id = t.document_id"
                                        + " WHERE d.shipment_id IN (?, ?) AND t.to_status = 'rejected'",
                                String.class,
                                pending1,
                                pending2))
                .contains("Stamp");
        assertThat(documents(draft)).isEmpty();
    }
}
