package com.vibotaj.tracehub.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Fills an empty, migrated TraceHub database with the benchmark dataset of bench-contract.md: most rows
 * set-based on the server ({@link Sql}), the document files by a small thread pool ({@link DocumentFiles}).
 * Exit codes: 0 done, 2 usage, 3 database not suitable (not migrated, not empty, role without RLS bypass),
 * 1 anything else.
 */
public final class Generator {

    /** Counts at scale 1.0 (bench-contract.md). */
    static final long SHIPMENTS = 100_000;

    static final long CONTAINERS = 250_000;
    static final long EVENTS = 1_000_000;
    static final long DOCUMENTS = 400_000;
    /** BENCH-PACK-20's rows: one version of each of the 16 document types plus four second versions. */
    static final int PACK_DOCUMENTS = 20;

    static final String[] TABLES = {
        "organization", "app_user", "membership", "organization_partner", "shipment", "shipment_party",
        "shipment_container", "shipment_product_line", "shipment_status_change", "tracking_subscription",
        "tracking_event", "document", "document_transition", "eudr_origin", "eudr_origin_line", "compliance_evaluation"
    };

    private final Options options;
    private final PrintStream out;
    private final Progress progress;
    private final Map<String, String> placeholders = new LinkedHashMap<>();
    private final long shipments;
    private final long containers;
    private final long events;
    private final long documents;

    Generator(Options options, PrintStream out, boolean terminal) {
        this.options = options;
        this.out = out;
        this.progress = new Progress(out, terminal);
        this.shipments = Math.max(PACK_DOCUMENTS, Math.round(SHIPMENTS * options.scale()));
        this.containers = Math.max(shipments, Math.round(CONTAINERS * options.scale()));
        this.events = Math.round(EVENTS * options.scale());
        this.documents = Math.max(PACK_DOCUMENTS, Math.round(DOCUMENTS * options.scale()));
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (Options.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("generate: " + e.getMessage());
            }
            System.err.print(Options.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        try {
            new Generator(options, System.out, System.console() != null).run();
        } catch (Unsuitable e) {
            System.err.println("generate: " + e.getMessage());
            System.exit(3);
        } catch (SQLException | IOException | RuntimeException e) {
            System.err.println("generate: failed: " + e);
            System.err.println("generate: the database may be partly filled; drop it, re-create and migrate it, then run again.");
            System.exit(1);
        }
    }

    void run() throws SQLException, IOException {
        long started = System.nanoTime();
        Properties props = new Properties();
        props.setProperty("user", options.user());
        props.setProperty("password", options.password());
        props.setProperty("ApplicationName", "tracehub-bench-generator");
        try (Connection db = DriverManager.getConnection(options.jdbcUrl(), props)) {
            db.setAutoCommit(true);
            String ruleSet = preflight(db);
            out.printf(
                    Locale.ROOT,
                    "TraceHub benchmark dataset: scale %s, seed %d, anchor %s — %,d shipments, %,d containers,"
                            + " %,d tracking events, %,d documents%n",
                    options.scale(),
                    options.seed(),
                    options.anchor(),
                    shipments,
                    containers,
                    events,
                    documents);
            placeholders.put("@SEED@", Long.toString(options.seed()));
            placeholders.put("@A@", "timestamptz '" + options.anchor() + " 00:00:00+00'");
            placeholders.put("@RS@", "'" + ruleSet.replace("'", "''") + "'");
            placeholders.put("@N_SHIP@", Long.toString(shipments));
            placeholders.put("@ND@", Long.toString(documents - PACK_DOCUMENTS));
            placeholders.put("@NCX@", Long.toString(containers - shipments));
            placeholders.put("@NE@", Long.toString(events));
            placeholders.put("@SERIAL_OFFSET@", Long.toString(Math.floorMod(options.seed() * 7_919L, 1_000_000L)));
            placeholders.put("@HASH@", "'" + passwordHash().replace("'", "''") + "'");
            try (Statement st = db.createStatement()) {
                // Plans of these one-off statements are simple; JIT compilation would only add seconds per batch.
                st.execute("SET jit = off");
                st.execute("SET work_mem = '256MB'");
                st.execute(sql(Sql.FUNCTIONS));
            }
            generate(db);
            DocumentFiles files = new DocumentFiles(db, options, progress);
            files.writeSmall(documents - PACK_DOCUMENTS);
            files.writePack();
            progress.start("vacuum analyze", 1);
            try (Statement st = db.createStatement()) {
                // The staging tables live in this database until the session ends: gone before its size is taken.
                st.execute("DROP TABLE g_eval, g_doc, g_cont, g_ship, g_req, g_exp, g_user, g_org");
                // Visibility map and statistics, so the benchmarks start with index-only scans and good plans.
                st.execute("VACUUM (ANALYZE)");
            }
            progress.advance(1);
            progress.finish();
            double elapsed = (System.nanoTime() - started) / 1e9;
            Summary summary = new Summary(options, progress.seconds(), elapsed);
            summary.write(db, files, counts(db));
            out.printf(Locale.ROOT, "Done in %.1f s; summary in %s%n", elapsed, options.summary());
        }
    }

    /** What the database must be: migrated, empty, and writable past row-level security. */
    private String preflight(Connection db) throws SQLException {
        try (Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    throw new Unsuitable("role " + options.user() + " is subject to row-level security (FORCE ROW LEVEL"
                            + " SECURITY applies even to the tables' owner): connect as the PostgreSQL superuser or a"
                            + " role with BYPASSRLS");
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT to_regclass('public.shipment') IS NOT NULL"
                    + " AND to_regclass('public.compliance_evaluation') IS NOT NULL"
                    + " AND to_regclass('public.audit_log') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new Unsuitable("the database is not migrated: run the application jar with"
                            + " --tracehub.migrate-only=true (as the schema owner) first");
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM shipment")) {
                rs.next();
                long existing = rs.getLong(1);
                if (existing > 0) {
                    throw new Unsuitable("the database already holds " + existing + " shipments; the generator only"
                            + " fills an empty database (ids are derived from the seed and would collide)");
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM organization WHERE name LIKE 'Bench %'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new Unsuitable("the database already holds bench organisations (an earlier, failed run?);"
                            + " drop, re-create and migrate it first");
                }
            }
            // The rule set the application evaluates with today (RuleSetRepository.current).
            try (ResultSet rs = st.executeQuery("SELECT version FROM compliance_rule_set"
                    + " ORDER BY (effective_from <= current_date) DESC, effective_from DESC LIMIT 1")) {
                if (!rs.next()) {
                    throw new Unsuitable("no compliance rule set in the database: is it migrated?");
                }
                return rs.getString(1);
            }
        }
    }

    private void generate(Connection db) throws SQLException {
        stage(db, "organisations and users", Sql.ORGANISATIONS, 50);
        stage(db, "stage: requirements", Sql.REQUIREMENTS, 0);
        stage(db, "stage: shipments", Sql.SHIPMENTS_STAGE, shipments);
        stage(db, "stage: containers", Sql.CONTAINERS_STAGE, containers);
        stage(db, "stage: documents", Sql.DOCUMENTS_STAGE, documents);
        stage(db, "stage: evaluations", Sql.EVALUATIONS_STAGE, shipments);
        checkStaging(db);

        String shipmentSql = Sql.INSERT_SHIPMENTS.replace("@TIMES@", Sql.TIMES);
        for (String statement : shipmentSql.split(";\n")) {
            if (!statement.isBlank()) {
                batched(db, table(statement), statement, expected(db, table(statement)));
            }
        }
        batched(db, "tracking_subscription", Sql.INSERT_SUBSCRIPTIONS, expected(db, "tracking_subscription"));
        batched(db, "tracking_event", Sql.INSERT_EVENTS, events);
        String[] documentSql = Sql.INSERT_DOCUMENTS.split(";\n");
        batched(db, "document", documentSql[0], documents);
        batched(db, "document_transition", documentSql[1], expected(db, "document_transition"));
        batched(db, "eudr_origin (+ lines)", Sql.INSERT_PLOTS, expected(db, "eudr_origin"));
        batched(db, "compliance_evaluation", Sql.INSERT_EVALUATIONS, shipments);
    }

    /** The staging must add up to the planned totals exactly; anything else is a bug here. */
    private void checkStaging(Connection db) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM g_ship), (SELECT count(*) FROM g_cont),"
                        + " (SELECT coalesce(sum(n_ev), 0) FROM g_cont), (SELECT count(*) FROM g_doc),"
                        + " (SELECT count(DISTINCT number) FROM g_cont)")) {
            rs.next();
            long[] got = {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)};
            long[] want = {shipments, containers, events, documents, containers};
            for (int i = 0; i < got.length; i++) {
                if (got[i] != want[i]) {
                    throw new IllegalStateException("staging does not add up (shipments, containers, events,"
                            + " documents, distinct container numbers): got " + java.util.Arrays.toString(got)
                            + ", planned " + java.util.Arrays.toString(want));
                }
            }
        }
    }

    private static String table(String insert) {
        String rest = insert.substring(insert.indexOf("INSERT INTO ") + "INSERT INTO ".length());
        return rest.substring(0, rest.indexOf(' '));
    }

    /** Rows a step will insert, from the staging tables (for the progress bar only). */
    private long expected(Connection db, String table) throws SQLException {
        String query = switch (table) {
            case "shipment" -> "SELECT count(*) FROM g_ship";
            case "shipment_party" -> "SELECT count(supplier_id) + count(forwarder_id) FROM g_ship";
            case "shipment_container" -> "SELECT count(*) FROM g_cont";
            case "shipment_product_line" -> "SELECT sum(n_lines) FROM g_ship";
            case "shipment_status_change" -> "SELECT sum(array_position(ARRAY['draft','docs_pending','docs_complete',"
                    + "'in_transit','arrived','customs','delivered','archived'], status)) FROM g_ship";
            case "tracking_subscription" -> "SELECT count(*) FROM g_cont WHERE phase IN ('in_transit','arrived','customs')";
            case "document_transition" -> "SELECT sum(CASE status WHEN 'uploaded' THEN 1 WHEN 'under_review' THEN 2"
                    + " WHEN 'superseded' THEN 4 ELSE 3 END) FROM g_doc";
            case "eudr_origin" -> "SELECT coalesce(sum(n_lines * CASE WHEN i % 3 = 0 THEN 2 ELSE 1 END), 0)"
                    + " FROM g_ship WHERE has_plots";
            default -> throw new IllegalArgumentException(table);
        };
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void stage(Connection db, String name, String template, long rows) throws SQLException {
        progress.start(name, rows);
        try (Statement st = db.createStatement()) {
            st.execute(sql(template));
        }
        progress.advance(rows);
        progress.finish();
    }

    /** Runs one INSERT … SELECT per range of shipment row numbers, each in its own transaction. */
    private void batched(Connection db, String name, String template, long expectedRows) throws SQLException {
        long batch = Math.max(500, shipments / 20);
        String statement = sql(template);
        progress.start(name, expectedRows);
        try (Statement st = db.createStatement()) {
            for (long lo = 0; lo < shipments; lo += batch) {
                long hi = Math.min(shipments, lo + batch);
                int rows = st.executeUpdate(
                        statement.replace("@LO@", Long.toString(lo)).replace("@HI@", Long.toString(hi)));
                progress.advance(rows);
            }
        }
        progress.finish();
    }

    private String sql(String template) {
        String s = template;
        for (Map.Entry<String, String> e : placeholders.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }

    /**
     * The {bcrypt} hash the application's DelegatingPasswordEncoder checks. One hash for every bench user
     * (same password), with a salt drawn from the seed so that two runs write the same rows.
     */
    private String passwordHash() {
        SplittableRandom seeded = new SplittableRandom(options.seed() ^ 0x6265_6e63_6821L);
        SecureRandom deterministic = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                seeded.nextBytes(bytes);
            }
        };
        return "{bcrypt}" + BCrypt.hashpw(options.benchPassword(), BCrypt.gensalt(10, deterministic));
    }

    static Map<String, Long> counts(Connection db) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement st = db.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    static List<String> strings(Connection db, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(query);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    static String now() {
        return Instant.now().atOffset(ZoneOffset.UTC).toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void createParent(Path file) throws IOException {
        Files.createDirectories(file.getParent());
    }

    /** The database cannot take the dataset (exit code 3). */
    static final class Unsuitable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsuitable(String message) {
            super(message);
        }
    }
}
