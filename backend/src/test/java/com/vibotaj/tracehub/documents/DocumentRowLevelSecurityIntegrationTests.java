package com.vibotaj.tracehub.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The policies themselves, below the service's own checks: SQL as the application role in each
 * organisation's scope, so a bug in the service could not hide a hole in the database.
 */
@IntegrationTest
class DocumentRowLevelSecurityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    DataSource dataSource;

    @Autowired
    ScopedTransactions tx;

    DocumentFixtures f;
    JdbcClient app;
    UUID document;

    @BeforeEach
    void setUp() throws Exception {
        f = new DocumentFixtures(mvc, data);
        app = JdbcClient.create(dataSource);
        document = f.uploaded("packing_list", "PACKING LIST");
    }

    long visible(TestData.User user) {
        return tx.read(
                TenantScope.of(user.organizationId(), user.id()),
                () -> app.sql("SELECT count(*) FROM document WHERE id = :id")
                        .param("id", document)
                        .query(Long.class)
                        .single());
    }

    int insertAs(TestData.User user, UUID owner, UUID shipment) {
        return tx.write(
                TenantScope.of(user.organizationId(), user.id()),
                () -> app.sql(
                                "INSERT INTO document (id, shipment_id, organization_id, type, version, status, storage_key,"
                                        + " sha256, size_bytes, content_type, original_name, uploaded_by,"
                                        + " uploaded_by_organization_id) VALUES (:id, :s, :owner, 'other', 99, 'uploaded', 'k',"
                                        + " repeat('a', 64), 1, 'application/pdf', 'x.pdf', :user, :org)")
                        .param("id", UUID.randomUUID())
                        .param("s", shipment)
                        .param("owner", owner)
                        .param("user", user.id())
                        .param("org", user.organizationId())
                        .update());
    }

    int setStatusAs(TestData.User user, String status) {
        return tx.write(
                TenantScope.of(user.organizationId(), user.id()),
                () -> app.sql("UPDATE document SET status = :st WHERE id = :id")
                        .param("st", status)
                        .param("id", document)
                        .update());
    }

    @Test
    void everyoneWhoSeesTheShipmentReadsItsDocumentsAndNobodyElse() {
        for (TestData.User reader :
                new TestData.User[] {f.logistics, f.viewer, f.buyerUser, f.supplierUser, f.forwarderUser}) {
            assertThat(visible(reader)).as(reader.role()).isEqualTo(1);
        }
        assertThat(visible(f.otherAdmin)).isZero();
    }

    @Test
    void onlyTheOwnerAndItsSupplierInsertAndTheRowAlwaysBelongsToTheOwner() {
        assertThat(insertAs(f.supplierUser, f.exporter.id(), f.shipment)).isEqualTo(1);
        // A supplier cannot claim the row for itself, nor write for a shipment it does not supply.
        assertThatThrownBy(() -> insertAs(f.supplierUser, f.supplier.id(), f.shipment))
                .hasStackTraceContaining("row-level security");
        for (TestData.User outsider : new TestData.User[] {f.buyerUser, f.forwarderUser, f.otherAdmin}) {
            assertThatThrownBy(() -> insertAs(outsider, f.exporter.id(), f.shipment))
                    .as(outsider.role())
                    .hasStackTraceContaining("row-level security");
            // Nor can anyone plant a row on this shipment by naming itself the owner.
            assertThatThrownBy(() -> insertAs(outsider, outsider.organizationId(), f.shipment))
                    .as(outsider.role())
                    .hasStackTraceContaining("row-level security");
        }
    }

    @Test
    void onlyTheOwnerChangesStatusesAndTheSupplierOnlySubmitsItsOwnUploads() {
        assertThat(setStatusAs(f.buyerUser, "approved")).isZero();
        assertThat(setStatusAs(f.forwarderUser, "approved")).isZero();
        assertThat(setStatusAs(f.otherAdmin, "approved")).isZero();
        // The document was uploaded by the exporter: the supplier may not touch it.
        assertThat(setStatusAs(f.supplierUser, "under_review")).isZero();
        data.owner()
                .update("UPDATE document SET uploaded_by_organization_id = ? WHERE id = ?", f.supplier.id(), document);
        assertThat(setStatusAs(f.supplierUser, "under_review")).isEqualTo(1);
        assertThatThrownBy(() -> setStatusAs(f.supplierUser, "approved")).hasStackTraceContaining("row-level security");
        assertThat(setStatusAs(f.compliance, "approved")).isEqualTo(1);
        assertThat(f.status(document)).isEqualTo("approved");
    }

    @Test
    void nobodyDeletesDocumentsOrRewritesHistory() {
        assertThatThrownBy(() -> tx.write(
                        TenantScope.of(f.exporter.id(), f.admin.id()),
                        () -> app.sql("DELETE FROM document_transition WHERE document_id = :id")
                                .param("id", document)
                                .update()))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> tx.write(
                        TenantScope.of(f.exporter.id(), f.admin.id()),
                        () -> app.sql("DELETE FROM document WHERE id = :id")
                                .param("id", document)
                                .update()))
                .hasStackTraceContaining("permission denied");
    }
}
