package com.sovera.console.bulkscreen;

import com.sovera.console.bulk.BulkRun;
import com.sovera.console.bulk.Failure;
import com.sovera.console.bulk.ResultLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a run ended, counted by row (a row's results are one line per wallet): created, found and reused, failed,
 * refused before sending, not done because the run was cancelled. One sentence for the screen.
 */
record RunSummary(int created, int existing, int failed, int refused, int cancelled) {

    static RunSummary of(List<ResultLine> lines) {
        Map<Integer, String> byRow = new LinkedHashMap<>();
        for (ResultLine l : lines) {
            byRow.merge(l.row(), kind(l), RunSummary::worse);
        }
        int created = 0;
        int existing = 0;
        int failed = 0;
        int refused = 0;
        int cancelled = 0;
        for (String kind : byRow.values()) {
            switch (kind) {
                case ResultLine.CREATED -> created++;
                case ResultLine.EXISTING -> existing++;
                case Failure.VALIDATION_ERROR -> refused++;
                case Failure.CANCELLED -> cancelled++;
                default -> failed++;
            }
        }
        return new RunSummary(created, existing, failed, refused, cancelled);
    }

    /** A line's kind: its status, or for a failed line the console's own code when it is one of those. */
    private static String kind(ResultLine l) {
        if (!l.failed()) {
            return l.status();
        }
        String code = l.errorCode();
        return Failure.VALIDATION_ERROR.equals(code) || Failure.CANCELLED.equals(code) ? code : ResultLine.FAILED;
    }

    /** A row is as bad as its worst line: failed, then cancelled, then created, then existing. */
    private static String worse(String a, String b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(String kind) {
        return switch (kind) {
            case ResultLine.EXISTING -> 0;
            case ResultLine.CREATED -> 1;
            case Failure.CANCELLED -> 2;
            case Failure.VALIDATION_ERROR -> 3;
            default -> 4;
        };
    }

    /** "Finished: 9 rows created, 2 already there (reused), 1 failed, 3 refused before sending (VALIDATION_ERROR)." */
    String describe(BulkRun.State state, String problem) {
        String head = switch (state) {
            case FINISHED -> "Finished";
            case CANCELLED -> "Cancelled";
            case INCOMPLETE -> "Stopped short";
            default -> "So far";
        };
        StringBuilder s = new StringBuilder(head).append(": ")
                .append(String.format("%,d %s created", created, created == 1 ? "row" : "rows"))
                .append(String.format(", %,d already there (reused)", existing))
                .append(String.format(", %,d failed", failed));
        if (refused > 0) {
            s.append(String.format(", %,d refused before sending (VALIDATION_ERROR)", refused));
        }
        if (cancelled > 0) {
            s.append(String.format(", %,d not done (CANCELLED): import the file again to finish them, nothing is "
                    + "created twice", cancelled));
        }
        s.append('.');
        if (problem != null) {
            s.append(' ').append(problem);
        }
        return s.toString();
    }
}
