package com.sovera.console.bulk;

import java.util.List;

/**
 * What a run will do, taken from the preview at the moment the operator starts it: the rows to send, and the
 * rows refused before sending (their results say VALIDATION_ERROR).
 */
public record Plan(List<PlannedRow> rows, List<Refused> refused) {

    /** A row not sent, and why. */
    public record Refused(int row, String email, String error) {
    }

    public Plan {
        rows = List.copyOf(rows);
        refused = List.copyOf(refused);
    }
}
