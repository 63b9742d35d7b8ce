package com.vibotaj.tracehub.compliance;

import static com.vibotaj.tracehub.compliance.ComplianceFixtures.metadata;
import static com.vibotaj.tracehub.compliance.ComplianceFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.vibotaj.tracehub.compliance.internal.ExpiryMonitor;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@RecordApplicationEvents
class ExpiryAndTenancyIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ExpiryMonitor monitor;

    @Autowired
    ApplicationEvents events;

    @Autowired
    ScopedTransactions tx;

    @Autowired
    JdbcClient jdbc;

    ComplianceFixtures f;

    @BeforeEach
    void setUp() {
        f = new ComplianceFixtures(mvc, data);
    }

    List<DocumentExpiring> expiring(UUID documentId) {
        return events.stream(DocumentExpiring.class)
                .filter(e -> e.documentId().equals(documentId))
                .toList();
    }

    List<Integer> warnings(UUID documentId) {
        return data.owner()
                .queryForList(
                        "SELECT threshold_days FROM document_expiry_warning WHERE document_id = ? ORDER BY raised_at",
                        Integer.class,
                        documentId);
    }

    @Test
    void raisesEachThresholdOnceAndAnExpiredDocumentFailsItsRequirement() throws Exception {
        UUID shipment = f.shipment(f.exporter, "sweet_potato_pellets", "071420", "docs_pending");
        UUID phyto = f.approved(
                shipment,
                "phytosanitary_certificate",
                metadata(
                        "phytosanitary_certificate",
                        "0714",
                        Map.of("_expiry", today().plusDays(10).toString())));
        f.compliance(f.compliance, shipment)
                .andExpect(jsonPath("$.requirements[0].documentType").value("phytosanitary_certificate"))
                .andExpect(jsonPath("$.requirements[0].state").value("satisfied"));

        monitor.run();
        assertThat(warnings(phyto)).containsExactly(14);
        assertThat(expiring(phyto)).singleElement().satisfies(e -> {
            assertThat(e.daysLeft()).isEqualTo(10);
            assertThat(e.shipmentId()).isEqualTo(shipment);
            assertThat(e.organizationId()).isEqualTo(f.exporter.id());
            assertThat(e.type()).isEqualTo("phytosanitary_certificate");
        });

        monitor.run();
        assertThat(warnings(phyto)).as("once per threshold").containsExactly(14);
        assertThat(expiring(phyto)).hasSize(1);

        // Time passes: the certificate is now past its expiry date.
        data.owner().update("UPDATE document SET expiry_date = ? WHERE id = ?", today().minusDays(1), phyto);
        monitor.run();
        assertThat(warnings(phyto)).containsExactly(14, 0);
        assertThat(expiring(phyto))
                .last()
                .satisfies(e -> assertThat(e.daysLeft()).isEqualTo(-1));
        f.compliance(f.compliance, shipment)
                .andExpect(jsonPath("$.requirements[0].state").value("failed"))
                .andExpect(jsonPath("$.overall").value("non_compliant"));
        monitor.run();
        assertThat(warnings(phyto)).containsExactly(14, 0);
    }

    @Test
    void storedRowsAreVisibleOnlyToWhoSeesTheShipmentAndOverridesAreNeverDeletedOrRewritten() throws Exception {
        UUID shipment = f.shipment(f.exporter, "other", "180100", "docs_pending");
        f.override(
                        f.compliance,
                        shipment,
                        "{\"ruleId\":\"XD-WEIGHTS\",\"reason\":\"Weighbridge ticket confirms the invoice weight\"}")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isCreated());
        TenantScope owner = TenantScope.organization(f.exporter.id());
        TenantScope buyer = TenantScope.organization(f.buyer.id());
        TenantScope stranger = TenantScope.organization(f.otherExporter.id());
        String count = "SELECT (SELECT count(*) FROM compliance_evaluation WHERE shipment_id = :id)"
                + " + (SELECT count(*) FROM compliance_override WHERE shipment_id = :id)";
        assertThat(tx.read(
                        owner,
                        () -> jdbc.sql(count)
                                .param("id", shipment)
                                .query(Long.class)
                                .single()))
                .isEqualTo(2);
        assertThat(tx.read(
                        buyer,
                        () -> jdbc.sql(count)
                                .param("id", shipment)
                                .query(Long.class)
                                .single()))
                .isEqualTo(2);
        assertThat(tx.read(
                        stranger,
                        () -> jdbc.sql(count)
                                .param("id", shipment)
                                .query(Long.class)
                                .single()))
                .isZero();
        // Another organisation cannot write into the owner's evaluation or overrides.
        assertThat(tx.write(
                        stranger,
                        () -> jdbc.sql("UPDATE compliance_evaluation SET overall = 'compliant'"
                                        + " WHERE shipment_id = :id")
                                .param("id", shipment)
                                .update()))
                .isZero();
        assertThatThrownBy(() -> tx.write(
                        owner,
                        () -> jdbc.sql("DELETE FROM compliance_override WHERE shipment_id = :id")
                                .param("id", shipment)
                                .update()))
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> tx.write(
                        owner,
                        () -> jdbc.sql("UPDATE compliance_override SET reason = 'rewritten reason'"
                                        + " WHERE shipment_id = :id")
                                .param("id", shipment)
                                .update()))
                .rootCause()
                .hasMessageContaining("permission denied");
        // The cross-tenant door answers only ids and owners, and the app role cannot read around it.
        assertThat(tx.read(
                        TenantScope.NONE,
                        () -> jdbc.sql("SELECT count(*) FROM compliance_evaluation")
                                .query(Long.class)
                                .single()))
                .isZero();
    }
}
