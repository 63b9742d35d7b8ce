package com.vibotaj.tracehub.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * analytics_summary runs as its owner, past row-level security (ADR 0007), so it must apply the
 * visibility rule itself: from the transaction's tenant, whatever relation the caller names. Called
 * here as the application role, directly, for every kind of organisation, including ones that must see
 * nothing. The figures' meaning is covered by AnalyticsConsistencyIntegrationTests (each equals its list).
 */
@IntegrationTest
class AnalyticsSummaryFunctionIntegrationTests {

    @Autowired
    TestData data;

    @Autowired
    ScopedTransactions tx;

    @Autowired
    JdbcClient jdbc;

    TestData.Org exporter;
    TestData.Org buyer;
    TestData.Org supplier;
    TestData.Org forwarder;
    TestData.Org otherExporter;
    TestData.Org stranger;

    @BeforeEach
    void dataset() {
        exporter = data.organization("exporter");
        buyer = data.organization("buyer");
        supplier = data.organization("supplier");
        forwarder = data.organization("logistics");
        otherExporter = data.organization("exporter");
        stranger = data.organization("buyer");
        // The exporter's: 2 sold to the buyer (one with the supplier, one with the forwarder), 1 without buyer.
        UUID sold = shipment(exporter, buyer, "in_transit");
        party(exporter, sold, supplier, "supplier");
        document(exporter, sold, "uploaded");
        evaluation(exporter, sold, "compliant");
        UUID forwarded = shipment(exporter, buyer, "customs");
        party(exporter, forwarded, forwarder, "logistics");
        evaluation(exporter, forwarded, "non_compliant");
        UUID own = shipment(exporter, null, "draft");
        document(exporter, own, "under_review");
        document(exporter, own, "approved");
        // The other exporter's: 1 sold to the same buyer, 1 archived, 1 with the same supplier.
        UUID foreign = shipment(otherExporter, buyer, "arrived");
        document(otherExporter, foreign, "uploaded");
        evaluation(otherExporter, foreign, "in_progress");
        shipment(otherExporter, null, "archived");
        party(otherExporter, shipment(otherExporter, null, "docs_pending"), supplier, "supplier");
    }

    @Test
    void theOwnerCountsExactlyItsOwnShipmentsAndTheirDocumentsAndEvaluations() {
        Map<String, Map<String, Long>> rows = summary(exporter, "owner");
        assertThat(rows).containsOnlyKeys("in_transit", "customs", "draft");
        assertThat(total(rows)).isEqualTo(3);
        assertThat(sum(rows, "compliant")).as("compliant").isEqualTo(1);
        assertThat(sum(rows, "non_compliant")).as("non_compliant").isEqualTo(1);
        assertThat(sum(rows, "not_evaluated")).as("not evaluated").isEqualTo(1);
        assertThat(sum(rows, "awaiting_n")).as("shipments awaiting review").isEqualTo(2);
        assertThat(sum(rows, "awaiting_docs")).as("documents awaiting review").isEqualTo(2);
    }

    @Test
    void theBuyerCountsWhatItBuysFromEveryExporterAndNothingElse() {
        Map<String, Map<String, Long>> rows = summary(buyer, "buyer");
        assertThat(rows).containsOnlyKeys("in_transit", "customs", "arrived");
        assertThat(total(rows)).isEqualTo(3);
        assertThat(sum(rows, "in_progress"))
                .as("in progress: the other exporter's evaluation")
                .isEqualTo(1);
        assertThat(sum(rows, "awaiting_docs")).as("documents awaiting review").isEqualTo(2);
    }

    @Test
    void aSupplierAndAForwarderCountTheShipmentsTheyArePartiesTo() {
        assertThat(summary(supplier, "party")).containsOnlyKeys("in_transit", "docs_pending");
        Map<String, Map<String, Long>> forwarded = summary(forwarder, "party");
        assertThat(forwarded).containsOnlyKeys("customs");
        assertThat(sum(forwarded, "non_compliant")).as("non_compliant").isEqualTo(1);
        assertThat(sum(forwarded, "awaiting_n")).as("its documents only").isZero();
    }

    @Test
    void aRelationTheCallerDoesNotHoldNeverWidensWhatItSees() {
        // The relation picks among the caller's own shipments; the organisation always comes from the
        // transaction's tenant, so naming another relation can only find less.
        assertThat(summary(buyer, "owner")).isEmpty();
        assertThat(summary(supplier, "owner")).isEmpty();
        assertThat(summary(supplier, "buyer")).isEmpty();
        assertThat(summary(exporter, "buyer")).isEmpty();
        assertThat(summary(exporter, "party")).isEmpty();
    }

    @Test
    void anOrganisationWithoutShipmentsAndATransactionWithoutTenantSeeNothing() {
        for (String relation : List.of("owner", "buyer", "party")) {
            assertThat(summary(stranger, relation)).as(relation).isEmpty();
            assertThat(tx.read(TenantScope.NONE, () -> rows(relation, null, null)))
                    .as(relation)
                    .isEmpty();
        }
    }

    @Test
    void filtersNarrowTheCallersShipmentsOnly() {
        Map<String, Map<String, Long>> sold =
                tx.read(TenantScope.organization(exporter.id()), () -> rows("owner", buyer.id(), null));
        assertThat(total(sold)).isEqualTo(2);
        Map<String, Map<String, Long>> cocoa =
                tx.read(TenantScope.organization(buyer.id()), () -> rows("buyer", null, "cocoa_beans"));
        assertThat(total(cocoa)).isEqualTo(3);
        Map<String, Map<String, Long>> coffee =
                tx.read(TenantScope.organization(buyer.id()), () -> rows("buyer", null, "coffee"));
        assertThat(coffee).isEmpty();
    }

    @Test
    void anUnknownRelationIsRefused() {
        assertThatThrownBy(() -> summary(exporter, "everyone")).rootCause().hasMessageContaining("unknown relation");
    }

    @Test
    void theFunctionsOwnerHasAReadPolicyOnEveryTableItReads() {
        // In production the owner is not a superuser and every table is under FORCE ROW LEVEL SECURITY:
        // without a policy of its own it would silently count nothing. (Tests migrate as a superuser, which
        // bypasses RLS, so only this check catches a missing policy.)
        List<String> tables = data.owner().queryForList("""
                        SELECT t.tablename FROM (VALUES ('shipment'), ('shipment_party'), ('compliance_evaluation'),
                          ('document')) t (tablename)
                        WHERE NOT EXISTS (
                          SELECT 1 FROM pg_policies p, pg_proc f
                           WHERE f.proname = 'analytics_summary' AND p.tablename = t.tablename
                             AND p.cmd IN ('SELECT', 'ALL') AND p.qual = 'true'
                             AND pg_get_userbyid(f.proowner) = ANY (p.roles))""", String.class);
        assertThat(tables).isEmpty();
    }

    private Map<String, Map<String, Long>> summary(TestData.Org org, String relation) {
        return tx.read(TenantScope.organization(org.id()), () -> rows(relation, null, null));
    }

    /** Per status: the function's counting columns by name. */
    private Map<String, Map<String, Long>> rows(String relation, UUID buyerId, String product) {
        Map<String, Map<String, Long>> rows = new TreeMap<>();
        jdbc.sql("""
                        SELECT * FROM analytics_summary(:relation, CAST(:buyer AS uuid), CAST(:product AS text),
                          now() - interval '90 days', now() + interval '1 day', now() - interval '7 days', now() + interval '7 days',
                          current_date, current_date + 31)""")
                .param("relation", relation)
                .param("buyer", buyerId)
                .param("product", product)
                .query((java.sql.ResultSet rs) -> {
                    Map<String, Long> v = new TreeMap<>();
                    for (String c : COLUMNS) {
                        v.put(c, rs.getLong(c));
                    }
                    rows.put(rs.getString("status"), v);
                });
        return rows;
    }

    private static final List<String> COLUMNS = List.of(
            "total",
            "arriving",
            "transit_n",
            "on_time",
            "late",
            "compliant",
            "in_progress",
            "non_compliant",
            "not_evaluated",
            "awaiting_n",
            "awaiting_docs",
            "expiring_n",
            "expiring_docs",
            "slips");

    private static long total(Map<String, Map<String, Long>> rows) {
        return sum(rows, "total");
    }

    private static long sum(Map<String, Map<String, Long>> rows, String column) {
        return rows.values().stream().mapToLong(v -> v.get(column)).sum();
    }

    private UUID shipment(TestData.Org owner, TestData.Org buyerOrg, String status) {
        UUID id = UUID.randomUUID();
        data.owner()
                .update(
                        "INSERT INTO shipment (id, organization_id, reference, product_type, buyer_organization_id, status)"
                                + " VALUES (?, ?, ?, 'cocoa_beans', ?, ?)",
                        id,
                        owner.id(),
                        "FN-" + id.toString().substring(0, 8),
                        buyerOrg == null ? null : buyerOrg.id(),
                        status);
        return id;
    }

    private void party(TestData.Org owner, UUID shipment, TestData.Org party, String role) {
        data.owner()
                .update(
                        "INSERT INTO shipment_party (shipment_id, organization_id, party_organization_id, role)"
                                + " VALUES (?, ?, ?, ?)",
                        shipment,
                        owner.id(),
                        party.id(),
                        role);
    }

    private void evaluation(TestData.Org owner, UUID shipment, String overall) {
        data.owner()
                .update(
                        "INSERT INTO compliance_evaluation (shipment_id, organization_id, rule_set_version, overall, result,"
                                + " evaluated_at) VALUES (?, ?, '2026.1', ?, '{}'::jsonb, now())",
                        shipment,
                        owner.id(),
                        overall);
    }

    private void document(TestData.Org owner, UUID shipment, String status) {
        data.owner().update("""
                        INSERT INTO document (id, shipment_id, organization_id, type, version, status, storage_key, sha256,
                          size_bytes, content_type, original_name, uploaded_by, uploaded_by_organization_id)
                        VALUES (?, ?, ?, 'other', (SELECT count(*) + 1 FROM document WHERE shipment_id = ?), ?, 'k',
                          repeat('a', 64), 1, 'application/pdf', 'x.pdf', ?, ?)""", UUID.randomUUID(), shipment, owner.id(), shipment, status, owner.id(), owner.id());
    }
}
