package com.vibotaj.tracehub.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * dataset.json: what the harness needs to drive the scenarios (bench-contract.md): organisation ids by
 * name, the users, BENCH-PACK-20, 1,000 sample shipments of exporter 1, the webhook sample, counts per
 * table, seed, scale, anchor and timings. Also prints the counts.
 */
final class Summary {

    private final Options options;
    private final Map<String, Double> steps;
    private final double elapsed;

    Summary(Options options, Map<String, Double> steps, double elapsed) {
        this.options = options;
        this.steps = steps;
        this.elapsed = elapsed;
    }

    void write(Connection db, DocumentFiles files, Map<String, Long> counts) throws SQLException, IOException {
        Json j = new Json();
        j.open();
        j.field("seed").value(options.seed());
        j.field("scale").value(options.scale());
        j.field("anchor").value(options.anchor().toString());
        j.field("generatedAt").value(Generator.now());
        j.field("elapsedSeconds").value(Math.round(elapsed * 10) / 10.0);
        j.field("stepSeconds").open();
        for (Map.Entry<String, Double> e : steps.entrySet()) {
            j.field(e.getKey()).value(Math.round(e.getValue() * 10) / 10.0);
        }
        j.close();
        j.field("counts").open();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            j.field(e.getKey()).value(e.getValue());
        }
        j.close();
        long databaseBytes = single(db, "SELECT pg_database_size(current_database())");
        j.field("databaseBytes").value(databaseBytes);
        j.field("documentsDir").value(options.documentsDir().toString());
        j.field("documentFiles").value(files.files());
        j.field("documentFileBytes").value(files.bytes());
        j.field("password").value(options.benchPassword());

        j.field("organizations").open();
        for (String[] row : rows(db, "SELECT name, id::text, type FROM organization WHERE name LIKE 'Bench %' ORDER BY name")) {
            j.field(row[0]).value(row[1]);
        }
        j.close();
        j.field("users").array();
        for (String[] row : rows(db, "SELECT u.email, o.name, m.role FROM app_user u JOIN membership m ON m.user_id = u.id"
                + " JOIN organization o ON o.id = m.organization_id WHERE u.email LIKE '%.bench.example' ORDER BY u.email")) {
            j.open().field("email").value(row[0]).field("organization").value(row[1]).field("role").value(row[2]).close();
        }
        j.close();

        String[] pack = rows(db, "SELECT s.id::text, count(d.id)::text, count(d.id) FILTER (WHERE d.status = 'approved')::text"
                        + " FROM shipment s JOIN document d ON d.shipment_id = s.id"
                        + " WHERE s.reference = 'BENCH-PACK-20' GROUP BY s.id")
                .get(0);
        j.field("benchPack20").open();
        j.field("reference").value("BENCH-PACK-20");
        j.field("shipmentId").value(pack[0]);
        j.field("documents").value(Long.parseLong(pack[1]));
        j.field("currentDocuments").value(Long.parseLong(pack[2]));
        j.field("fileBytes").value(DocumentFiles.PACK_FILE_BYTES);
        j.close();

        String exporter1 = Generator.strings(db, "SELECT id::text FROM organization WHERE name = 'Bench Exporter 01'")
                .get(0);
        j.field("exporter1OrganizationId").value(exporter1);
        j.field("sampleShipmentIds").array();
        for (String id : Generator.strings(db, "SELECT s.id::text FROM shipment s JOIN organization o ON o.id = s.organization_id"
                + " WHERE o.name = 'Bench Exporter 01' AND s.reference <> 'BENCH-PACK-20'"
                + " ORDER BY md5(s.id::text) LIMIT 1000")) {
            j.value(id);
        }
        j.close();
        j.field("webhook").open();
        j.field("provider").value("vizion");
        j.field("organizationId").value(exporter1);
        j.field("path").value("/api/public/webhooks/vizion/" + exporter1);
        j.field("containers").array();
        for (String[] row : rows(db, "SELECT t.container_number::text, t.provider_reference, t.shipment_id::text"
                + " FROM tracking_subscription t WHERE t.organization_id = '" + exporter1 + "'::uuid"
                + " AND t.provider = 'vizion' AND t.state = 'active' ORDER BY t.container_number LIMIT 1000")) {
            j.open().field("containerNumber").value(row[0]).field("referenceId").value(row[1])
                    .field("shipmentId").value(row[2]).close();
        }
        j.close();
        j.close();
        j.close();
        Files.createDirectories(options.summary().toAbsolutePath().getParent());
        Files.writeString(options.summary(), j.toString() + "\n", StandardCharsets.UTF_8);

        PrintStream out = System.out;
        out.println("Rows per table:");
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            out.printf(Locale.ROOT, "  %-24s %,12d%n", e.getKey(), e.getValue());
        }
        out.printf(Locale.ROOT, "  %-24s %,12d (%,d bytes)%n", "document files", files.files(), files.bytes());
        out.printf(Locale.ROOT, "  %-24s %,12d MB%n", "database size", databaseBytes / 1_000_000);
    }

    private static long single(Connection db, String query) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String[]> rows(Connection db, String query) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** A minimal streaming JSON writer (no dependency for one file): objects, arrays, strings, numbers. */
    static final class Json {
        private final StringBuilder s = new StringBuilder();
        private final List<Boolean> first = new ArrayList<>();
        private final List<Character> closers = new ArrayList<>();
        private boolean afterField;

        Json open() {
            begin();
            s.append('{');
            push('}');
            return this;
        }

        Json array() {
            begin();
            s.append('[');
            push(']');
            return this;
        }

        Json close() {
            int top = closers.size() - 1;
            s.append(closers.remove(top));
            first.remove(top);
            return this;
        }

        Json field(String name) {
            comma();
            string(name);
            s.append(':');
            afterField = true;
            return this;
        }

        Json value(String v) {
            begin();
            if (v == null) {
                s.append("null");
            } else {
                string(v);
            }
            return this;
        }

        Json value(long v) {
            begin();
            s.append(v);
            return this;
        }

        Json value(double v) {
            begin();
            s.append(v);
            return this;
        }

        private void push(char closer) {
            closers.add(closer);
            first.add(true);
        }

        private void begin() {
            if (afterField) {
                afterField = false;
            } else {
                comma();
            }
        }

        private void comma() {
            if (!first.isEmpty()) {
                int top = first.size() - 1;
                if (!first.get(top)) {
                    s.append(',');
                }
                first.set(top, false);
            }
        }

        private void string(String v) {
            s.append('"');
            for (char c : v.toCharArray()) {
                switch (c) {
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    case '\n' -> s.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            s.append(String.format("\\u%04x", (int) c));
                        } else {
                            s.append(c);
                        }
                    }
                }
            }
            s.append('"');
        }

        @Override
        public String toString() {
            return s.toString();
        }
    }
}
