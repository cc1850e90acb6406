package com.sovera.console.bulk;

import java.util.List;

/** A bulk onboarding file as read: its rows in file order and the delimiter it used. */
public record Sheet(String name, char delimiter, List<SheetRow> rows) {

    public Sheet {
        rows = List.copyOf(rows);
    }
}
