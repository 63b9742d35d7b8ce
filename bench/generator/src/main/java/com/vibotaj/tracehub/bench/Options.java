package com.vibotaj.tracehub.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The command line of the generator (bench-contract.md, "Generator command line").
 *
 * @param anchor the day the dataset is "now" for: statuses, ETAs and subscription schedules are placed
 *     relative to it. Every value is a function of (seed, scale, anchor); it defaults to today (UTC) so
 *     the data looks current, and is given explicitly when two runs on different days must match.
 */
record Options(
        String jdbcUrl,
        String user,
        String password,
        Path documentsDir,
        double scale,
        long seed,
        String benchPassword,
        Path summary,
        LocalDate anchor,
        int threads) {

    static final String USAGE = """
            Usage: generate.sh --jdbc-url URL --user USER [--password X] --documents-dir DIR
                               [--scale 1.0] [--seed 42] [--bench-password P] [--summary FILE]
                               [--anchor YYYY-MM-DD] [--threads N]

            Fills an empty, migrated TraceHub database with the benchmark dataset (bench/generator/README.md).
              --jdbc-url        jdbc:postgresql://HOST:PORT/DB of the migrated database
              --user/--password a role that bypasses row-level security (the superuser, or BYPASSRLS)
              --documents-dir   the filesystem DocumentStore root (TRACEHUB_DOCUMENTS_STORAGE_PATH)
              --scale           1.0 = 100,000 shipments (default 1.0); counts scale linearly
              --seed            same seed + scale + anchor = the same rows, ids included (default 42)
              --bench-password  the password of every bench user (default bench-Password-2026!)
              --summary         where dataset.json goes (default DIR/../dataset.json)
              --anchor          the day the data is current for (default: today, UTC)
              --threads         file-writing threads (default 4)
            Refuses a database that already holds shipments.
            """;

    static Options parse(List<String> args) {
        String url = null;
        String user = null;
        String password = "";
        Path dir = null;
        double scale = 1.0;
        long seed = 42;
        String benchPassword = "bench-Password-2026!";
        Path summary = null;
        LocalDate anchor = LocalDate.now(ZoneOffset.UTC);
        int threads = 4;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                throw new UsageException(null);
            }
            if (i + 1 >= args.size()) {
                throw new UsageException("missing value after " + a);
            }
            String v = args.get(++i);
            switch (a) {
                case "--jdbc-url" -> url = v;
                case "--user" -> user = v;
                case "--password" -> password = v;
                case "--documents-dir" -> dir = Path.of(v);
                case "--scale" -> scale = number(a, v);
                case "--seed" -> seed = (long) number(a, v);
                case "--bench-password" -> benchPassword = v;
                case "--summary" -> summary = Path.of(v);
                case "--anchor" -> anchor = LocalDate.parse(v);
                case "--threads" -> threads = (int) number(a, v);
                default -> throw new UsageException("unknown option " + a);
            }
        }
        if (url == null || user == null || dir == null) {
            throw new UsageException("--jdbc-url, --user and --documents-dir are required");
        }
        if (!(scale > 0 && scale <= 20)) {
            throw new UsageException("--scale must be in (0, 20]");
        }
        if (threads < 1 || threads > 64) {
            throw new UsageException("--threads must be 1..64");
        }
        if (benchPassword.length() < 12) {
            throw new UsageException("--bench-password must have at least 12 characters (the app's policy)");
        }
        Path absolute = dir.toAbsolutePath().normalize();
        Path summaryPath = summary != null ? summary : absolute.resolveSibling("dataset.json");
        return new Options(url, user, password, absolute, scale, seed, benchPassword, summaryPath, anchor, threads);
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number, got " + value);
        }
    }

    /** A wrong command line: the message (if any) and the usage are printed, exit code 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
