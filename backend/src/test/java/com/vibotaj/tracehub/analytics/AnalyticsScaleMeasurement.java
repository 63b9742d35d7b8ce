package com.vibotaj.tracehub.analytics;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import com.vibotaj.tracehub.support.Api;
import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A measurement, not a test: 100,000 shipments (200,000 containers, 400,000 tracking events, 300,000
 * documents) for one exporter plus another organisation's 20,000, then the hot read paths timed one
 * request at a time (the dashboard's analytics, the list with filters and sorts, text search, the
 * detail page and every call the web detail page makes), with the number of SQL statements each
 * request sends, and the plans of the heavy statements printed. Run by hand with
 * -Dtracehub.measure=true (optionally -Dtracehub.measure.rows=N); the numbers are in
 * docs/operations/performance.md. No assertion on time: the machine is shared.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "tracehub.measure", matches = "true")
class AnalyticsScaleMeasurement {

    private static final int ROWS = Integer.getInteger("tracehub.measure.rows", 100_000);
    private static final int RUNS = Integer.getInteger("tracehub.measure.runs", 15);
    private static final String ONLY = System.getProperty("tracehub.measure.only", ".*");

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
        TestData.Org supplier = data.organization("supplier");
        TestData.Org forwarder = data.organization("logistics");
        TestData.Org other = data.organization("exporter");
        TestData.User user = data.user(exporter, "admin");
        TestData.User buyerAdmin = data.user(buyer, "admin");
        TestData.User forwarderAdmin = data.user(forwarder, "admin");
        long start = System.nanoTime();
        fill(exporter, buyer, supplier, forwarder, ROWS);
        fill(other, buyer, supplier, forwarder, ROWS / 5);
        data.owner().execute("ANALYZE");
        System.out.printf(
                "MEASURE filled %d + %d shipments in %d s%n",
                ROWS, ROWS / 5, (System.nanoTime() - start) / 1_000_000_000L);
        UUID sample = data.owner()
                .queryForObject(
                        "SELECT id FROM shipment WHERE organization_id = ? AND reference = 'S-4242'",
                        UUID.class,
                        exporter.id());
        // The generated rows carry no real evaluation or text suggestions: the sample's evaluation is
        // computed by the application on its first read (a warm-up request), its documents get empty
        // suggestions.
        data.owner().update("DELETE FROM compliance_evaluation WHERE shipment_id = ?", sample);
        data.owner()
                .update(
                        "UPDATE document SET suggestions = '{\"types\":[],\"referenceNumbers\":[],\"containerNumbers\":[],"
                                + "\"hsCodes\":[],\"ports\":[],\"weightsKg\":[]}' WHERE shipment_id = ?",
                        sample);
        String token = Api.login(mvc, user).bearer();
        String d = "/api/shipments/" + sample;
        String[] urls = {
            "/api/analytics/summary",
            "/api/analytics/trends?granularity=week",
            "/api/analytics/trends?granularity=month&from=2025-12-01",
            "/api/analytics/breakdown?by=buyer",
            "/api/analytics/breakdown?by=product",
            "/api/shipments?page=0&size=25",
            "/api/shipments?page=0&size=25&sort=-updated",
            "/api/shipments?page=0&size=25&sort=reference",
            "/api/shipments?page=0&size=25&status=in_transit&sort=eta",
            "/api/shipments?page=0&size=25&status=in_transit&status=customs&productType=coffee",
            "/api/shipments?page=0&size=25&portOfLoading=NGAPP&sort=-eta",
            "/api/shipments?page=0&size=25&needsAttention=true",
            "/api/shipments?page=200&size=25",
            "/api/shipments?page=0&size=25&q=s-4242",
            "/api/shipments?page=0&size=25&q=msku0004242",
            "/api/shipments?page=0&size=25&q=vessel%2017",
            "/api/shipments?compliance=compliant&documentsAwaitingReview=true",
            "/api/shipments?onTime=false&ataFrom=2026-09-01T00:00:00Z",
            d,
            d + "/history",
            d + "/tracking",
            d + "/documents",
            d + "/compliance",
            d + "/eudr",
            "/api/document-types",
            "/api/me",
            "/api/notifications/unread-count"
        };
        measureAll(token, urls);
        System.out.println("MEASURE as the buyer organisation's admin");
        measureAll(Api.login(mvc, buyerAdmin).bearer(), new String[] {"/api/analytics/summary", "/api/shipments"});
        System.out.println("MEASURE as the forwarder organisation's admin");
        measureAll(Api.login(mvc, forwarderAdmin).bearer(), new String[] {"/api/analytics/summary", "/api/shipments"});
        printPlans(exporter, user);
    }

    private void measureAll(String token, String[] urls) throws Exception {
        System.out.printf(
                "MEASURE load average %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (String url : urls) {
            if (!url.matches(ONLY)) {
                continue;
            }
            int status = 0;
            for (int i = 0; i < 3; i++) {
                status = mvc.perform(get(url).header("Authorization", token))
                        .andReturn()
                        .getResponse()
                        .getStatus();
            }
            long[] times = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long begin = System.nanoTime();
                mvc.perform(get(url).header("Authorization", token)).andReturn();
                times[i] = (System.nanoTime() - begin) / 1_000;
            }
            int statements;
            // Counted on a separate request: the driver's FINEST logging would slow the timed ones.
            try (StatementCounter counter = new StatementCounter()) {
                mvc.perform(get(url).header("Authorization", token)).andReturn();
                statements = counter.count();
            }
            Arrays.sort(times);
            System.out.printf(
                    "MEASURE %-75s -> %d  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  statements %d%n",
                    url,
                    status,
                    times[RUNS / 2] / 1000.0,
                    times[(int) Math.ceil(RUNS * 0.95) - 1] / 1000.0,
                    times[RUNS - 1] / 1000.0,
                    statements);
        }
    }

    private void printPlans(TestData.Org exporter, TestData.User user) {
        for (String sql : List.of(
                "SELECT * FROM analytics_summary('owner', NULL, NULL, now() - interval '90 days', now(), date_trunc('week', now()),"
                        + " date_trunc('week', now()) + interval '7 days', current_date, current_date + 31)",
                "SELECT count(*) FROM shipment s WHERE s.organization_id = '" + exporter.id()
                        + "' AND s.status <> 'archived'",
                "SELECT s.id FROM shipment s WHERE s.organization_id = '" + exporter.id()
                        + "' AND s.status <> 'archived' ORDER BY s.updated_at DESC, s.id LIMIT 25")) {
            try {
                String plan = tx.read(
                        TenantScope.of(exporter.id(), user.id()),
                        () -> String.join(
                                "\n",
                                jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                                        .query(String.class)
                                        .list()));
                System.out.println("MEASURE plan of " + sql + "\n" + plan);
            } catch (RuntimeException e) {
                System.out.println("MEASURE plan of " + sql + " failed: " + e.getMessage());
            }
        }
    }

    /**
     * Counts the statements the PostgreSQL driver executes on the calling thread (MockMvc serves a
     * request on it), from the driver's own FINEST log of each Execute message: BEGIN, the tenant's
     * set_config and COMMIT included.
     */
    static final class StatementCounter extends Handler implements AutoCloseable {
        private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
        private final long thread = Thread.currentThread().getId();
        private final Level previous = DRIVER.getLevel();
        private int count;

        StatementCounter() {
            setLevel(Level.ALL);
            DRIVER.setLevel(Level.FINEST);
            DRIVER.addHandler(this);
        }

        synchronized int count() {
            return count;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (record.getLongThreadID() == thread
                    && record.getMessage() != null
                    && record.getMessage().contains("FE=> Execute")) {
                count++;
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            DRIVER.removeHandler(this);
            DRIVER.setLevel(previous);
        }
    }

    private void fill(TestData.Org owner, TestData.Org buyer, TestData.Org supplier, TestData.Org forwarder, int n) {
        data.owner().update("""
                        INSERT INTO shipment (id, organization_id, reference, product_type, buyer_organization_id, status,
                          created_at, updated_at, atd, ata, eta, eta_original, attention, bill_of_lading, vessel_name,
                          port_of_loading, port_of_discharge, search_text)
                        SELECT gen_random_uuid(), ?, 'S-' || g, (ARRAY['cocoa_beans','coffee','sesame'])[1 + g % 3], ?,
                          (ARRAY['draft','docs_pending','docs_complete','in_transit','arrived','customs','delivered','archived'])[1 + g % 8],
                          now() - (g % 400) * interval '1 day',
                          now() - (g % 977) * interval '1 hour',
                          CASE WHEN g % 8 >= 3 THEN now() - (g % 400) * interval '1 day' + interval '5 days' END,
                          CASE WHEN g % 8 >= 4 THEN now() - (g % 400) * interval '1 day' + interval '30 days' END,
                          now() - (g % 400) * interval '1 day' + interval '29 days',
                          now() - (g % 400) * interval '1 day' + interval '28 days',
                          CASE WHEN g % 10 = 0 THEN ARRAY['eta_slipped'] ELSE ARRAY[]::text[] END,
                          'MAEU' || (100000000 + g), 'VESSEL ' || (g % 97),
                          (ARRAY['NGAPP','NGTIN','NGONN'])[1 + g % 3], (ARRAY['DEHAM','NLRTM','BEANR'])[1 + g % 3],
                          lower('S-' || g || ' MAEU' || (100000000 + g) || ' vessel ' || (g % 97)
                                || ' MSKU' || lpad(g::text, 7, '0') || ' MSCU' || lpad(g::text, 7, '0'))
                        FROM generate_series(1, ?) g""", owner.id(), buyer.id(), n);
        data.owner().update("""
                        INSERT INTO shipment_party (shipment_id, organization_id, party_organization_id, role)
                        SELECT id, organization_id, CASE WHEN abs(hashtext(id::text)) % 2 = 0 THEN ?::uuid ELSE ?::uuid END,
                          CASE WHEN abs(hashtext(id::text)) % 2 = 0 THEN 'supplier' ELSE 'logistics' END
                        FROM shipment WHERE organization_id = ? AND abs(hashtext(id::text)) % 5 = 0""", supplier.id(), forwarder.id(), owner.id());
        data.owner().update("""
                        INSERT INTO shipment_container (id, shipment_id, organization_id, position, container_number)
                        SELECT gen_random_uuid(), s.id, s.organization_id, p, (ARRAY['MSKU','MSCU'])[p + 1]
                               || lpad(substring(s.reference FROM 3), 7, '0')
                        FROM shipment s, generate_series(0, 1) p WHERE s.organization_id = ?""", owner.id());
        data.owner().update("""
                        INSERT INTO tracking_subscription (id, organization_id, shipment_id, container_number, provider, state)
                        SELECT gen_random_uuid(), c.organization_id, c.shipment_id, c.container_number, 'fake', 'completed'
                        FROM shipment_container c WHERE c.organization_id = ?""", owner.id());
        data.owner().update("""
                        INSERT INTO tracking_event (id, organization_id, shipment_id, container_number, provider,
                          provider_event_id, dcsa_code, provider_code, family, classifier, event_time, unlocode)
                        SELECT gen_random_uuid(), c.organization_id, c.shipment_id, c.container_number, 'fake', 'e' || k,
                          (ARRAY['GTOT','LOAD','DEPA','ARRI'])[k], (ARRAY['GTOT','LOAD','DEPA','ARRI'])[k],
                          CASE WHEN k <= 2 THEN 'equipment' ELSE 'transport' END, 'ACT',
                          now() - (40 - k) * interval '1 day', 'NGAPP'
                        FROM shipment_container c, generate_series(1, 2) k WHERE c.organization_id = ?""", owner.id());
        data.owner().update("""
                        INSERT INTO compliance_evaluation (shipment_id, organization_id, rule_set_version, overall, result, evaluated_at)
                        SELECT id, organization_id, '2026.1', (ARRAY['compliant','in_progress','non_compliant'])[1 + abs(hashtext(id::text)) % 3],
                          '{}'::jsonb, now() FROM shipment WHERE organization_id = ? AND abs(hashtext(id::text)) % 10 <> 0""", owner.id());
        data.owner().update("""
                        INSERT INTO document (id, shipment_id, organization_id, type, version, status, expiry_date, reference_number,
                          storage_key, sha256, size_bytes, content_type, original_name, uploaded_by, uploaded_by_organization_id)
                        SELECT gen_random_uuid(), s.id, s.organization_id, t.type, 1,
                          (ARRAY['uploaded','under_review','approved','approved','rejected'])[1 + abs(hashtext(s.id::text || t.type)) % 5],
                          CASE WHEN t.type = 'phytosanitary_certificate' THEN current_date + (abs(hashtext(s.id::text)) % 200) END,
                          upper(t.type) || '-' || s.reference, 'k', encode(sha256((s.id::text || t.type)::bytea), 'hex'), 1, 'application/pdf', 'x.pdf', s.organization_id, s.organization_id
                        FROM shipment s, (VALUES ('bill_of_lading'), ('packing_list'), ('phytosanitary_certificate')) t (type)
                        WHERE s.organization_id = ?""", owner.id());
    }
}
