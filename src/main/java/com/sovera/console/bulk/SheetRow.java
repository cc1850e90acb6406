package com.sovera.console.bulk;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One data row of the file as read: its number (1 for the first row under the header), the line it starts on,
 * its cells by column (empty string for a missing one) and, when its cell count differs from the header's, why.
 */
public record SheetRow(int number, long line, Map<Column, String> cells, String shapeProblem) {

    public SheetRow {
        EnumMap<Column, String> copy = new EnumMap<>(Column.class);
        for (Column c : Column.values()) {
            String v = cells.get(c);
            copy.put(c, v == null ? "" : v);
        }
        cells = Collections.unmodifiableMap(copy);
    }

    public String cell(Column column) {
        return cells.get(column);
    }

    /** The same row with one cell changed (an operator's fix). */
    public SheetRow with(Column column, String value) {
        EnumMap<Column, String> copy = new EnumMap<>(cells);
        copy.put(column, value == null ? "" : value);
        return new SheetRow(number, line, copy, shapeProblem);
    }
}
