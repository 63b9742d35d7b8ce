package com.vibotaj.tracehub.shipments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list's queries use indexes at scale, under row-level security, as the application role. The
 * shipments are generated in SQL (as the owner) so the plans are the planner's real choices on a
 * table far larger than a page. Set -Dplans.rows=100000 -Dplans.out=FILE to record the plans at
 * 100k shipments (docs/architecture/shipment-query-plans.md was written that way).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShipmentQueryPlanIntegrationTests {

    private static final int ROWS = Integer.getInteger("plans.rows", 30_000);

    @Autowired
    TestData data;

    @Autowired
    ShipmentQueries queries;

    @Autowired
    ScopedTransactions tx;

    @Autowired
    JdbcClient jdbc;

    TestData.Org exporter;
    TestData.Org buyer;
    TestData.User user;
    final StringBuilder report = new StringBuilder();

    @BeforeAll
    void generate() {
        exporter = data.organization("exporter");
        buyer = data.organization("buyer");
        data.partner(exporter, buyer);
        user = data.user(exporter, "logistics");
        TestData.Org other = data.organization("exporter");
        for (TestData.Org org : List.of(exporter, other)) {
            data.owner().update("""
                    INSERT INTO shipment (id, organization_id, reference, product_type, buyer_organization_id,
                      bill_of_lading, vessel_name, port_of_loading, port_of_discharge, etd, eta, status, attention,
                      search_text)
                    SELECT gen_random_uuid(), ?, 'GEN-' || g, (ARRAY['cocoa_beans','sesame','cashew','ginger'])[1 + g % 4],
                      CASE WHEN g % 3 = 0 THEN ?::uuid END, 'MAEU' || (100000000 + g), 'VESSEL ' || (g % 97),
                      (ARRAY['NGAPP','NGTIN','NGONN'])[1 + g % 3], (ARRAY['DEHAM','NLRTM','BEANR'])[1 + g % 3],
                      now() + (g % 400 - 200) * interval '1 day', now() + (g % 400 - 170) * interval '1 day',
                      (ARRAY['draft','docs_pending','docs_complete','in_transit','arrived','customs','delivered','archived'])[1 + g % 8],
                      CASE WHEN g % 50 = 0 THEN ARRAY['eta_slipped'] ELSE '{}'::text[] END,
                      lower('GEN-' || g || ' MAEU' || (100000000 + g) || ' vessel ' || (g % 97) || ' MSKU' || lpad(g::text, 7, '0'))
                    FROM generate_series(1, ?) g""", org.id(), buyer.id(), org == exporter ? ROWS : ROWS / 10);
        }
        data.owner().execute("ANALYZE shipment");
        data.owner().execute("ANALYZE shipment_container");
    }

    private List<String> plan(ShipmentFilter filter) {
        CurrentActor actor = new CurrentActor(user.id(), exporter.id(), "logistics");
        return tx.read(TenantScope.of(exporter.id(), user.id()), () -> {
            Map<String, Object> params = new HashMap<>();
            String where = queries.where(actor, filter, params);
            params.put("limit", 25);
            params.put("offset", 0L);
            List<String> lines = jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF) SELECT s.id FROM shipment s WHERE " + where
                            + " ORDER BY " + filter.sort().orderBy() + " LIMIT :limit OFFSET :offset")
                    .params(params)
                    .query(String.class)
                    .list();
            report.append("### ").append(describe(filter)).append("\n\n```\n");
            lines.forEach(l -> report.append(l).append('\n'));
            report.append("```\n\n");
            return lines;
        });
    }

    private static String describe(ShipmentFilter f) {
        return "text=" + f.text() + " statuses=" + f.statuses() + " needsAttention=" + f.needsAttention() + " sort="
                + f.sort();
    }

    private static ShipmentFilter filter(String text, List<ShipmentStatus> statuses, Boolean attention) {
        return new ShipmentFilter(
                text, statuses, null, null, null, null, null, null, attention, ShipmentFilter.Sort.ETA);
    }

    @Test
    void theDefaultListWalksTheOwnersEtaIndex() {
        assertThat(String.join("\n", plan(filter(null, List.of(), null))))
                .contains("shipment_org_eta_idx")
                .doesNotContain("Seq Scan on shipment");
    }

    @Test
    void textSearchGoesThroughTheSearchFunctionWhoseQueryUsesTheTrigramIndex() {
        assertThat(String.join("\n", plan(filter("msku0012345", List.of(), null))))
                // The function's matches (an InitPlan array) fetched by primary key, not a join over the list.
                .containsPattern("Index Scan (using|on) shipment_pkey")
                .contains("Index Cond: (id = ANY ((InitPlan")
                .doesNotContain("Seq Scan on shipment ");
        // The function's own query, planned as a role under forced RLS like the production owner.
        String inner = data.owner().execute((java.sql.Connection c) -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("CREATE ROLE plan_probe_owner NOSUPERUSER NOBYPASSRLS");
                st.execute("GRANT SELECT ON shipment, shipment_party TO plan_probe_owner");
                st.execute("CREATE POLICY plan_probe_read ON shipment FOR SELECT TO plan_probe_owner USING (true)");
                st.execute("SET LOCAL ROLE plan_probe_owner");
                StringBuilder lines = new StringBuilder();
                try (var rs = st.executeQuery("EXPLAIN (ANALYZE, COSTS OFF) SELECT s.id FROM shipment s"
                        + " WHERE s.search_text LIKE '%msku0012345%' AND s.organization_id = '" + exporter.id()
                        + "'")) {
                    while (rs.next()) {
                        lines.append(rs.getString(1)).append('\n');
                    }
                }
                return lines.toString();
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        });
        report.append("### inside shipment_text_search (as a non-superuser owner under forced RLS)\n\n```\n")
                .append(inner)
                .append("```\n\n");
        assertThat(inner).contains("shipment_search_trgm_idx").doesNotContain("Seq Scan on shipment");
    }

    @Test
    void statusAndAttentionFiltersUseTheirIndexes() {
        assertThat(String.join("\n", plan(filter(null, List.of(ShipmentStatus.CUSTOMS), null))))
                .containsPattern("shipment_org_(status_)?eta_idx")
                .doesNotContain("Seq Scan on shipment");
        assertThat(String.join("\n", plan(filter(null, List.of(), true))))
                .contains("shipment_attention_idx")
                .doesNotContain("Seq Scan on shipment");
    }

    @Test
    void sortingByEtdWalksTheOwnersEtdIndexInsteadOfSortingTheWholeList() {
        ShipmentFilter byEtd =
                new ShipmentFilter(null, List.of(), null, null, null, null, null, null, null, ShipmentFilter.Sort.ETD);
        assertThat(String.join("\n", plan(byEtd)))
                .contains("shipment_org_etd_idx")
                .doesNotContain("Seq Scan on shipment");
    }

    @Test
    void theTenantIsReadOncePerStatementNotOncePerRow() {
        // shipments-006: the policies compare with (SELECT app_org_id()), an InitPlan; a bare app_org_id()
        // would be inlined as current_setting(...)::uuid and evaluated for every row of a large tenant.
        String plan = String.join("\n", plan(filter(null, List.of(), null)));
        assertThat(plan).contains("InitPlan").doesNotContain("current_setting");
    }

    @org.junit.jupiter.api.AfterAll
    void write() throws IOException {
        String out = System.getProperty("plans.out");
        if (out != null) {
            Files.writeString(
                    Path.of(out),
                    "Plans at " + ROWS + " shipments of one owner (+" + ROWS / 10
                            + " of another), as the application role under RLS:\n\n" + report,
                    StandardCharsets.UTF_8);
        }
    }
}
