package com.sovera.console.bulk;

/** What is wrong with a row: in one column, or (column null) with the row as a whole. */
public record RowError(Column column, String message) {

    /** "email: An e-mail address such as ..." or the message alone. */
    @Override
    public String toString() {
        return column == null ? message : column.header() + ": " + message;
    }
}
