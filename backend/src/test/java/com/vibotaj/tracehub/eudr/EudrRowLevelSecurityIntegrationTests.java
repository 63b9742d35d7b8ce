package com.vibotaj.tracehub.eudr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The EUDR policies per organisation role, in the database alone: every statement here runs as the
 * application role without a tenant filter, so only row-level security decides.
 */
@IntegrationTest
class EudrRowLevelSecurityIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScopedTransactions tx;

    @Autowired
    TestData data;

    TestData.Org owner;
    TestData.Org buyer;
    TestData.Org supplier;
    TestData.Org forwarder;
    TestData.Org otherSupplier;
    TestData.Org otherBuyer;
    UUID shipment;
    UUID ownerPlot;

    @BeforeEach
    void setUp() {
        owner = data.organization("exporter");
        buyer = data.organization("buyer");
        supplier = data.organization("supplier");
        forwarder = data.organization("logistics");
        otherSupplier = data.organization("supplier");
        otherBuyer = data.organization("buyer");
        shipment = UUID.randomUUID();
        data.owner()
                .update(
                        "INSERT INTO shipment (id, organization_id, reference, product_type, buyer_organization_id, status)"
                                + " VALUES (?, ?, ?, 'cocoa_beans', ?, 'draft')",
                        shipment,
                        owner.id(),
                        "RLS-" + shipment.toString().substring(0, 8),
                        buyer.id());
        data.owner()
                .update(
                        "INSERT INTO shipment_party (shipment_id, organization_id, party_organization_id, role) VALUES (?, ?, ?, 'supplier'), (?, ?, ?, 'logistics')",
                        shipment,
                        owner.id(),
                        supplier.id(),
                        shipment,
                        owner.id(),
                        forwarder.id());
        ownerPlot = insertPlot(owner, owner);
    }

    TenantScope as(TestData.Org org) {
        return TenantScope.of(org.id(), UUID.randomUUID());
    }

    UUID insertPlot(TestData.Org scope, TestData.Org createdBy) {
        UUID id = UUID.randomUUID();
        tx.write(
                as(scope),
                () -> jdbc.sql("INSERT INTO eudr_origin (id, shipment_id, organization_id, created_by,"
                                + " created_by_organization_id, geometry_type, geometry) VALUES (:id, :s, :o, :u, :by, 'Point',"
                                + " '{\"type\":\"Feature\"}'::jsonb)")
                        .param("id", id)
                        .param("s", shipment)
                        .param("o", owner.id())
                        .param("u", UUID.randomUUID())
                        .param("by", createdBy.id())
                        .update());
        return id;
    }

    UUID insertDds(TestData.Org scope, TestData.Org buyerColumn) {
        UUID id = UUID.randomUUID();
        tx.write(
                as(scope),
                () -> jdbc.sql(
                                "INSERT INTO eudr_dds_reference (id, shipment_id, organization_id, buyer_organization_id,"
                                        + " reference_number, verification_number, filed_at, recorded_by, recorded_by_organization_id)"
                                        + " VALUES (:id, :s, :o, :b, 'REF123', 'VER123', :at, :u, :by)")
                        .param("id", id)
                        .param("s", shipment)
                        .param("o", owner.id())
                        .param("b", buyerColumn.id())
                        .param("at", Timestamp.from(Instant.now()))
                        .param("u", UUID.randomUUID())
                        .param("by", scope.id())
                        .update());
        return id;
    }

    long visiblePlots(TestData.Org scope) {
        return tx.read(
                as(scope),
                () -> jdbc.sql("SELECT count(*) FROM eudr_origin WHERE shipment_id = :s")
                        .param("s", shipment)
                        .query(Long.class)
                        .single());
    }

    int remove(TestData.Org scope, UUID plot) {
        return tx.write(
                as(scope),
                () -> jdbc.sql("UPDATE eudr_origin SET removed_at = now() WHERE id = :id")
                        .param("id", plot)
                        .update());
    }

    @Test
    void theOwnerReadsAndWritesAndWhoeverSeesTheShipmentReads() {
        assertThat(visiblePlots(owner)).isEqualTo(1);
        assertThat(visiblePlots(buyer)).isEqualTo(1);
        assertThat(visiblePlots(supplier)).isEqualTo(1);
        assertThat(visiblePlots(forwarder)).isEqualTo(1);
        assertThat(visiblePlots(otherSupplier)).isZero();
        assertThat(visiblePlots(otherBuyer)).isZero();
    }

    @Test
    void aSupplierPartyAddsPlotsInItsOwnNameAndRemovesOnlyThose() {
        UUID mine = insertPlot(supplier, supplier);
        assertThatThrownBy(() -> insertPlot(supplier, owner)).isInstanceOf(DataAccessException.class);
        assertThat(remove(supplier, ownerPlot)).isZero();
        assertThat(remove(supplier, mine)).isEqualTo(1);
        assertThat(remove(owner, ownerPlot)).isEqualTo(1);
    }

    @Test
    void nobodyElseAddsPlots() {
        assertThatThrownBy(() -> insertPlot(otherSupplier, otherSupplier)).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> insertPlot(forwarder, forwarder)).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> insertPlot(buyer, buyer)).isInstanceOf(DataAccessException.class);
        assertThat(remove(buyer, ownerPlot)).isZero();
    }

    @Test
    void onlyTheShipmentsBuyerAndItsOwnerWriteDdsReferences() {
        UUID byBuyer = insertDds(buyer, buyer);
        insertDds(owner, buyer);
        assertThatThrownBy(() -> insertDds(otherBuyer, otherBuyer)).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> insertDds(supplier, buyer)).isInstanceOf(DataAccessException.class);
        // The buyer column must be the shipment's buyer: nobody records in another buyer's name.
        assertThatThrownBy(() -> insertDds(owner, otherBuyer)).isInstanceOf(DataAccessException.class);
        int amendedBySupplier = tx.write(
                as(supplier),
                () -> jdbc.sql("UPDATE eudr_dds_reference SET reference_number = 'X12345' WHERE id = :id")
                        .param("id", byBuyer)
                        .update());
        assertThat(amendedBySupplier).isZero();
        int amendedByBuyer = tx.write(
                as(buyer),
                () -> jdbc.sql("UPDATE eudr_dds_reference SET reference_number = 'X12345' WHERE id = :id")
                        .param("id", byBuyer)
                        .update());
        assertThat(amendedByBuyer).isEqualTo(1);
        long seenBySupplier = tx.read(
                as(supplier),
                () -> jdbc.sql("SELECT count(*) FROM eudr_dds_reference WHERE shipment_id = :s")
                        .param("s", shipment)
                        .query(Long.class)
                        .single());
        assertThat(seenBySupplier).isEqualTo(2);
        long seenByStranger = tx.read(
                as(otherBuyer),
                () -> jdbc.sql("SELECT count(*) FROM eudr_dds_reference WHERE shipment_id = :s")
                        .param("s", shipment)
                        .query(Long.class)
                        .single());
        assertThat(seenByStranger).isZero();
    }

    @Test
    void plotsAndTheLedgerCannotBeDeletedByTheApplication() {
        assertThatThrownBy(() -> tx.write(
                        as(owner),
                        () -> jdbc.sql("DELETE FROM eudr_origin WHERE id = :id")
                                .param("id", ownerPlot)
                                .update()))
                .isInstanceOf(DataAccessException.class);
    }
}
