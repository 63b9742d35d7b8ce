package com.vibotaj.tracehub.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Progress of one step at a time: a bar with percent, rows, rows per second and elapsed time. On a
 * terminal the line is redrawn in place; in a log (the harness, CI) a line is printed at most every
 * 10 % so the output stays short. Records each step's time for the summary.
 */
final class Progress {

    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private String step = "";
    private long total;
    private long done;
    private long started;
    private int lastDecile;

    Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void start(String name, long expectedRows) {
        step = name;
        total = Math.max(0, expectedRows);
        done = 0;
        lastDecile = -1;
        started = System.nanoTime();
        draw(false);
    }

    void advance(long rows) {
        done += rows;
        draw(false);
    }

    /** Ends the step; returns its rows. */
    long finish() {
        draw(true);
        seconds.put(step, elapsed());
        return done;
    }

    Map<String, Double> seconds() {
        return seconds;
    }

    private double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void draw(boolean last) {
        double fraction = total == 0 ? (last ? 1 : 0) : Math.min(1, (double) done / total);
        int decile = (int) Math.floor(fraction * 10);
        if (!terminal && !last && decile == lastDecile) {
            return;
        }
        lastDecile = decile;
        double s = elapsed();
        int filled = (int) Math.round(fraction * WIDTH);
        String line = String.format(
                Locale.ROOT,
                "%-26s [%s%s] %3d%% %,12d/%,d rows %,10.0f rows/s %7.1f s",
                step,
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                Math.round(fraction * 100),
                done,
                total,
                s > 0 ? done / s : 0,
                s);
        if (terminal) {
            out.print("\r" + line + (last ? "\n" : ""));
        } else if (last || decile < 10) {
            out.println(line);
        }
        out.flush();
    }
}
