package com.sovera.console.bulk;

import java.util.List;

/**
 * One row as the preview shows it, immutable: its cells, what is wrong with it, and, when the customer already
 * has a user with its e-mail, that user's id (the row will reuse it, not create one).
 */
public record PreviewRow(int number, long line, SheetRow source, List<RowError> errors, String existingUserId) {

    public PreviewRow {
        errors = List.copyOf(errors);
    }

    public String cell(Column column) {
        return source.cell(column);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public boolean isExisting() {
        return existingUserId != null;
    }

    /** The error of one column, or null. */
    public String error(Column column) {
        return errors.stream().filter(e -> e.column() == column).map(RowError::message).findFirst().orElse(null);
    }

    /** All errors in one sentence each, joined: for a results line or a tooltip. */
    public String errorText() {
        return String.join(" ", errors.stream().map(RowError::toString).toList());
    }
}
