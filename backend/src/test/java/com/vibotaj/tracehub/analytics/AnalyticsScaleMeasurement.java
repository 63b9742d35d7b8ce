package com.vibotaj.tracehub.analytics;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A measurement, not a test: 100,000 shipments (300,000 documents) for one exporter plus another
 * organisation's 20,000, then the analytics endpoints timed and the summary's plan printed. Run by hand
 * with -Dtracehub.measure=true; the numbers are in docs/operations/analytics.md.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "tracehub.measure", matches = "true")
class AnalyticsScaleMeasurement {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScopedTransactions tx;

    @Test
    void measure() throws Exception {
        TestData.Org exporter = data.organization("exporter");
        TestData.Org buyer = data.organization("buyer");
        TestData.Org other = data.organization("exporter");
        TestData.User user = data.user(exporter, "admin");
        fill(exporter, buyer, 100_000);
        fill(other, buyer, 20_000);
        data.owner().execute("ANALYZE");
        String token = Api.login(mvc, user).bearer();
        for (String url : new String[] {
            "/api/analytics/summary",
            "/api/analytics/trends?granularity=week",
            "/api/analytics/trends?granularity=month&from=2025-12-01",
            "/api/analytics/breakdown?by=buyer",
            "/api/analytics/breakdown?by=product",
            "/api/shipments?compliance=compliant&documentsAwaitingReview=true",
            "/api/shipments?onTime=false&ataFrom=2026-09-01T00:00:00Z"
        }) {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                int status = mvc.perform(get(url).header("Authorization", token))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                System.out.printf("MEASURE %s -> %d in %d ms%n", url, status, (System.nanoTime() - start) / 1_000_000);
            }
        }
        String plan = tx.read(
                TenantScope.of(exporter.id(), user.id()),
                () -> String.join(
                        "\n",
                        jdbc.sql("""
                        EXPLAIN (ANALYZE, BUFFERS)
                        SELECT count(*) FILTER (WHERE s.status <> 'archived'),
                               count(*) FILTER (WHERE c.overall = 'compliant'),
                               count(*) FILTER (WHERE d.awaiting > 0)
                        FROM analytics_shipment s
                        LEFT JOIN analytics_compliance c ON c.shipment_id = s.id
                        LEFT JOIN (SELECT d.shipment_id, count(*) FILTER (WHERE d.status IN ('uploaded', 'under_review')) AS awaiting
                                   FROM analytics_document d WHERE d.status IN ('uploaded', 'under_review')
                                   GROUP BY d.shipment_id) d ON d.shipment_id = s.id
                        WHERE s.organization_id = :org""")
                                .param("org", exporter.id())
                                .query(String.class)
                                .list()));
        System.out.println("MEASURE plan\n" + plan);
    }

    private void fill(TestData.Org owner, TestData.Org buyer, int n) {
        data.owner().update("""
                        INSERT INTO shipment (id, organization_id, reference, product_type, buyer_organization_id, status,
                          created_at, atd, ata, eta, eta_original, attention)
                        SELECT gen_random_uuid(), ?, 'S-' || g, (ARRAY['cocoa_beans','coffee','sesame'])[1 + g % 3], ?,
                          (ARRAY['draft','docs_pending','docs_complete','in_transit','arrived','customs','delivered','archived'])[1 + g % 8],
                          now() - (g % 400) * interval '1 day',
                          CASE WHEN g % 8 >= 3 THEN now() - (g % 400) * interval '1 day' + interval '5 days' END,
                          CASE WHEN g % 8 >= 4 THEN now() - (g % 400) * interval '1 day' + interval '30 days' END,
                          now() - (g % 400) * interval '1 day' + interval '29 days',
                          now() - (g % 400) * interval '1 day' + interval '28 days',
                          CASE WHEN g % 10 = 0 THEN ARRAY['eta_slipped'] ELSE ARRAY[]::text[] END
                        FROM generate_series(1, ?) g""", owner.id(), buyer.id(), n);
        data.owner().update("""
                        INSERT INTO compliance_evaluation (shipment_id, organization_id, rule_set_version, overall, result, evaluated_at)
                        SELECT id, organization_id, '2026.1', (ARRAY['compliant','in_progress','non_compliant'])[1 + abs(hashtext(id::text)) % 3],
                          '{}'::jsonb, now() FROM shipment WHERE organization_id = ? AND abs(hashtext(id::text)) % 10 <> 0""", owner.id());
        data.owner().update("""
                        INSERT INTO document (id, shipment_id, organization_id, type, version, status, expiry_date, storage_key,
                          sha256, size_bytes, content_type, original_name, uploaded_by, uploaded_by_organization_id)
                        SELECT gen_random_uuid(), s.id, s.organization_id, t.type, 1,
                          (ARRAY['uploaded','under_review','approved','approved','rejected'])[1 + abs(hashtext(s.id::text || t.type)) % 5],
                          CASE WHEN t.type = 'phytosanitary_certificate' THEN current_date + (abs(hashtext(s.id::text)) % 200) END,
                          'k', repeat('a', 64), 1, 'application/pdf', 'x.pdf', s.organization_id, s.organization_id
                        FROM shipment s, (VALUES ('bill_of_lading'), ('packing_list'), ('phytosanitary_certificate')) t (type)
                        WHERE s.organization_id = ?""", owner.id());
    }
}
