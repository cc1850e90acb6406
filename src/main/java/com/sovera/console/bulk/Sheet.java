package com.sovera.console.bulk;

import java.util.List;

/**
 * A bulk onboarding file as read: its rows in file order, the delimiter it used, and the SHA-256 of the bytes
 * read (hex), which names this very content in a run's journal.
 */
public record Sheet(String name, char delimiter, List<SheetRow> rows, String sha256) {

    public Sheet {
        rows = List.copyOf(rows);
    }
}
