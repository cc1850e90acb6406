package com.sovera.console.bulk;

import java.time.Duration;

/**
 * Where a run stands, as an immutable snapshot for a progress bar: rows done (succeeded or failed) of the rows
 * sent, rows refused before sending, requests so far, time taken and (once a few rows are done) time left.
 * {@code problem} says why a run stopped short or paused by itself, else null.
 */
public record RunProgress(BulkRun.State state, int rows, int done, int failed, int refused, long requests,
                          Duration elapsed, Duration left, Duration waitedForLimit, String problem) {

    /** 0..1 for a progress bar. */
    public double fraction() {
        return rows == 0 ? 1 : (double) done / rows;
    }

    /** "120 of 400 rows (2 failed), about 4 min left": a line for a label or a terminal. */
    public String describe() {
        StringBuilder s = new StringBuilder().append(String.format("%,d of %,d rows", done, rows));
        if (failed > 0) {
            s.append(String.format(" (%,d failed)", failed));
        }
        s.append(String.format(", %,d requests", requests));
        if (left != null && done < rows) {
            long seconds = Math.max(1, left.toSeconds());
            s.append(seconds < 90 ? ", about " + seconds + " s left" : ", about " + (seconds + 30) / 60 + " min left");
        }
        if (state == BulkRun.State.PAUSED) {
            s.append(", paused");
        }
        return s.toString();
    }
}
