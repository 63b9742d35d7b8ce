package tracehub.bench;

import static io.gatling.javaapi.http.HttpDsl.RawFileBodyPart;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One simulation, one scenario per run, chosen with {@code -Dbench.scenario=…} (bench/run.sh sets it and the
 * dataset handles). Closed model: {@code bench.users} virtual users each log in once as a distinct bench user,
 * then repeat the page for {@code bench.warmup} seconds inside the group {@code warmup} (left out of the
 * figures by bench/lib/summary.mjs) and for {@code bench.duration} seconds inside the group {@code measured}.
 * Every page is one Gatling group, so the group's figures are whole pages (all the calls the web client makes
 * for it) while the request figures show each call.
 */
public class BenchSimulation extends Simulation {

    private static final String SCENARIO = prop("bench.scenario", "list");
    private static final String BASE_URL = prop("bench.baseUrl", "http://127.0.0.1:8080");
    private static final int USERS = Integer.parseInt(prop("bench.users", "20"));
    private static final int DURATION = Integer.parseInt(prop("bench.duration", "30"));
    private static final int WARMUP = Integer.parseInt(prop("bench.warmup", "10"));
    private static final String PASSWORD = prop("bench.password", "bench-Password-2026!");
    private static final String USER_PATTERN = prop("bench.userPattern", "bench-user-%03d@exporter-01.bench.example");
    private static final int USER_COUNT = Integer.parseInt(prop("bench.userCount", "100"));
    private static final Path HANDLES = Path.of(prop("bench.handlesDir", "."));

    private static final AtomicInteger NEXT_USER = new AtomicInteger();

    private static String prop(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(HANDLES.resolve(file)).stream()
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("bench handle file missing: " + HANDLES.resolve(file), e);
        }
    }

    private static <T> T any(List<T> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json, application/problem+json")
            .acceptEncodingHeader("gzip, deflate")
            .userAgentHeader("tracehub-bench/gatling")
            // One connection per virtual user, kept alive, as a browser tab would.
            .shareConnections()
            .disableCaching();

    /** Each virtual user is a distinct bench user (bench-user-001… round robin). */
    private final ChainBuilder login = exec(session -> session.set(
                    "email", USER_PATTERN.formatted(NEXT_USER.getAndIncrement() % USER_COUNT + 1)))
            .exec(http("POST /api/auth/login")
                    .post("/api/auth/login")
                    .asJson()
                    .body(StringBody(s -> "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(s.getString("email"), PASSWORD)))
                    .check(status().is(200), jsonPath("$.accessToken").saveAs("token")));

    private static String bearer(Session s) {
        return "Bearer " + s.getString("token");
    }

    // ---- the pages --------------------------------------------------------------------------------------

    /** A login as the sign-in page does it (one POST; BCrypt dominates). */
    private ChainBuilder loginPage() {
        return exec(session -> session.set(
                        "email", USER_PATTERN.formatted(ThreadLocalRandom.current().nextInt(USER_COUNT) + 1)))
                .exec(http("POST /api/auth/login")
                        .post("/api/auth/login")
                        .asJson()
                        .body(StringBody(s -> "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(s.getString("email"), PASSWORD)))
                        .check(status().is(200), jsonPath("$.accessToken").exists()));
    }

    /** The shipments list with the filter combinations the filter panel produces, 25 per page, by ETA. */
    private ChainBuilder listPage() {
        List<String> filters = List.of(
                "",
                "&status=in_transit",
                "&status=docs_pending&status=docs_complete",
                "&needsAttention=true",
                "&productType=cocoa_beans",
                "&status=arrived&productType=cocoa_beans",
                "&etaFrom=2026-01-01T00:00:00Z&etaTo=2026-12-31T23:59:59Z");
        return exec(session -> session.set("filter", any(filters)).set("page", ThreadLocalRandom.current().nextInt(4)))
                .exec(http("GET /api/shipments (filters)")
                        .get(s -> "/api/shipments?sort=eta&page=" + s.getInt("page") + "&size=25" + s.getString("filter"))
                        .header("Authorization", BenchSimulation::bearer)
                        .check(status().is(200)));
    }

    /** The text search of the list page (q=…): references, container numbers, partner and port words. */
    private ChainBuilder searchPage() {
        List<String> terms = lines("search-terms.txt");
        return exec(session -> session.set("q", any(terms)))
                .exec(http("GET /api/shipments?q=")
                        .get("/api/shipments")
                        .queryParam("q", "#{q}")
                        .queryParam("sort", "eta")
                        .queryParam("page", "0")
                        .queryParam("size", "25")
                        .header("Authorization", BenchSimulation::bearer)
                        .check(status().is(200)));
    }

    /**
     * The detail page: the shipment, then (rendered once it is there) its tracking section and its documents
     * tab, which the browser fetches in parallel. The reference lists (locations, product types, event codes)
     * are cached by the web client for the session and fetched once per user, not per page.
     */
    private ChainBuilder detailPage() {
        List<String> ids = lines("shipment-ids.txt");
        return exec(session -> session.set("sid", any(ids)))
                .exec(http("GET /api/shipments/{id}")
                        .get("/api/shipments/#{sid}")
                        .header("Authorization", BenchSimulation::bearer)
                        .check(status().is(200))
                        .resources(
                                http("GET /api/shipments/{id}/tracking")
                                        .get("/api/shipments/#{sid}/tracking")
                                        .header("Authorization", BenchSimulation::bearer)
                                        .check(status().is(200)),
                                http("GET /api/shipments/{id}/documents")
                                        .get("/api/shipments/#{sid}/documents")
                                        .header("Authorization", BenchSimulation::bearer)
                                        .check(status().is(200))));
    }

    private ChainBuilder detailReferenceLists() {
        return exec(http("GET /api/reference/locations")
                .get("/api/reference/locations")
                .header("Authorization", BenchSimulation::bearer)
                .check(status().is(200))
                .resources(
                        http("GET /api/reference/product-types")
                                .get("/api/reference/product-types")
                                .header("Authorization", BenchSimulation::bearer)
                                .check(status().is(200)),
                        http("GET /api/reference/event-codes")
                                .get("/api/reference/event-codes")
                                .header("Authorization", BenchSimulation::bearer)
                                .check(status().is(200))));
    }

    /** The dashboard route: /api/me, the shell's unread-notifications bell and the headline figures. */
    private ChainBuilder dashboardPage() {
        return exec(http("GET /api/me")
                .get("/api/me")
                .header("Authorization", BenchSimulation::bearer)
                .check(status().is(200))
                .resources(
                        http("GET /api/notifications/unread-count")
                                .get("/api/notifications/unread-count")
                                .header("Authorization", BenchSimulation::bearer)
                                .check(status().is(200)),
                        http("GET /api/analytics/summary")
                                .get("/api/analytics/summary")
                                .header("Authorization", BenchSimulation::bearer)
                                .check(status().is(200))));
    }

    /** An upload as the web client sends it: multipart type + file, bearer token, a fresh Idempotency-Key. */
    private ChainBuilder uploadPage() {
        List<String> ids = lines("shipment-ids.txt");
        Path file = Path.of(prop("bench.uploadFile", "upload.pdf"));
        String name = "POST /api/shipments/{id}/documents (" + prop("bench.uploadLabel", "file") + ")";
        return exec(session -> session.set("sid", any(ids)).set("key", UUID.randomUUID().toString()))
                .exec(http(name)
                        .post("/api/shipments/#{sid}/documents")
                        .header("Authorization", BenchSimulation::bearer)
                        .header("Idempotency-Key", "#{key}")
                        .bodyPart(StringBodyPart("type", "bill_of_lading"))
                        .bodyPart(RawFileBodyPart("file", file.toAbsolutePath().toString())
                                .fileName("bench-upload.pdf")
                                .contentType("application/pdf"))
                        .asMultipartForm()
                        .check(status().is(201)));
    }

    /** The audit pack download of BENCH-PACK-20 (a streamed zip of its 20 current documents). */
    private ChainBuilder auditPackPage() {
        String pack = prop("bench.packShipmentId", "");
        return exec(http("GET /api/shipments/{BENCH-PACK-20}/audit-pack")
                .get("/api/shipments/" + pack + "/audit-pack")
                .header("Authorization", BenchSimulation::bearer)
                .header("Accept", "application/zip, application/problem+json")
                .check(status().is(200), bodyLength().gt(20 * 1024 * 1024)));
    }

    /** A Vizion-shaped signed delivery for one of exporter 1's Vizion-tracked containers; a fresh update id. */
    private ChainBuilder webhookDelivery() {
        List<String[]> sample =
                lines("webhook-sample.txt").stream().map(l -> l.split(",")).toList();
        String org = prop("bench.webhookOrg", "");
        SecretKeySpec key = new SecretKeySpec(
                prop("bench.webhookSecret", "").getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return exec(session -> {
                    String[] entry = any(sample);
                    String body = vizionUpdate(entry[0], entry[1]);
                    return session.set("body", body).set("signature", "sha256=" + hmac(key, body));
                })
                .exec(http("POST /api/public/webhooks/vizion/{org}")
                        .post("/api/public/webhooks/vizion/" + org)
                        .header("Content-Type", "application/json")
                        .header("X-Webhook-Signature", "#{signature}")
                        .body(StringBody("#{body}"))
                        .check(status().is(202)));
    }

    private static String vizionUpdate(String container, String reference) {
        Instant at = Instant.now().minus(Duration.ofMinutes(ThreadLocalRandom.current().nextInt(1, 600)));
        return """
                {"id":"bench-%s","reference_id":"%s","container_id":"%s","carrier_scac":"MSCU",
                 "estimated_arrival":"%s","created_at":"%s","events":[
                 {"description":"Transshipment arrival","event_timestamp":"%s","is_actual":true,
                  "location":{"name":"Tanger Med","locode":"MAPTM","country":"MA"},
                  "vessel":{"name":"MSC NIGER BAY","imo":"9700001","voyage":"512N"}},
                 {"description":"Transshipment discharged","event_timestamp":"%s","is_actual":true,
                  "location":{"name":"Tanger Med","locode":"MAPTM","country":"MA"},
                  "vessel":{"name":"MSC NIGER BAY","imo":"9700001","voyage":"512N"}}]}"""
                .formatted(UUID.randomUUID(), reference, container, at.plus(Duration.ofDays(9)), Instant.now(), at,
                        at.plus(Duration.ofHours(3)));
    }

    private static String hmac(SecretKeySpec key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A cheap endpoint through nginx and the whole Spring stack: the application's own ceiling. */
    private ChainBuilder healthPage() {
        return exec(http("GET /health").get("/health").check(status().is(200)));
    }

    /** A static file served by nginx itself: the load generator's and the proxy's ceiling. */
    private ChainBuilder staticPage() {
        return exec(http("GET /bench-static/4k.txt").get("/bench-static/4k.txt").check(status().is(200)));
    }

    // ---- assembly ---------------------------------------------------------------------------------------

    private record Plan(ChainBuilder setup, ChainBuilder page, boolean needsLogin) {}

    private Plan plan() {
        return switch (SCENARIO) {
            case "login" -> new Plan(exec(s -> s), loginPage(), false);
            case "list" -> new Plan(exec(s -> s), listPage(), true);
            case "search" -> new Plan(exec(s -> s), searchPage(), true);
            case "detail" -> new Plan(detailReferenceLists(), detailPage(), true);
            case "dashboard" -> new Plan(exec(s -> s), dashboardPage(), true);
            case "upload" -> new Plan(exec(s -> s), uploadPage(), true);
            case "auditpack" -> new Plan(exec(s -> s), auditPackPage(), true);
            case "webhook" -> new Plan(exec(s -> s), webhookDelivery(), false);
            case "health" -> new Plan(exec(s -> s), healthPage(), false);
            case "static" -> new Plan(exec(s -> s), staticPage(), false);
            default -> throw new IllegalArgumentException("unknown bench.scenario " + SCENARIO);
        };
    }

    {
        Plan plan = plan();
        ChainBuilder start = plan.needsLogin() ? group("setup").on(login.exec(plan.setup())) : plan.setup();
        ChainBuilder body = start;
        if (WARMUP > 0) {
            body = body.during(Duration.ofSeconds(WARMUP)).on(group("warmup").on(plan.page()));
        }
        // The measured window starts when the user finishes its warm-up; run.sh records the wall clock too.
        body = body.during(Duration.ofSeconds(DURATION)).on(group("measured").on(plan.page()));
        ScenarioBuilder scenario = scenario(SCENARIO).exec(body);
        setUp(scenario.injectOpen(atOnceUsers(USERS))).protocols(protocol);
    }
}
