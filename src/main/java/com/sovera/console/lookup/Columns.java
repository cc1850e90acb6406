package com.sovera.console.lookup;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** Cells the lookups' tables share. */
final class Columns {

    /** How many characters of an id a table shows: enough to tell rows apart, short enough for a laptop. */
    static final int SHORT_ID = 8;

    private Columns() {
    }

    /** An id shown shortened ("3f2a9c1e…"), the full id on hover; Copy ID copies it whole. */
    static <T> void shortId(TableColumn<T, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            /** One a cell, its text changed on reuse: a tooltip is a pop-up control, costly to make each flip. */
            private final Tooltip full = new Tooltip();

            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                if (empty || id == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(id.length() > SHORT_ID + 1 ? id.substring(0, SHORT_ID) + "…" : id);
                full.setText(id);
                setTooltip(full);
            }
        });
        column.getStyleClass().add("id-column");
    }
}
