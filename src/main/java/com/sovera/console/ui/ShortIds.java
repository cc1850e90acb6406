package com.sovera.console.ui;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** Ids in a table shown shortened ("3f2a9c1e…"), the full id on hover: every column fits a laptop's width. */
public final class ShortIds {

    /** How many characters of an id a table shows: enough to tell rows apart, short enough for a laptop. */
    public static final int SHOWN = 8;

    private ShortIds() {
    }

    /** Makes this column's cells show their ids shortened, the full id in a tooltip. */
    public static <T> void on(TableColumn<T, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            /** One a cell, its text changed on reuse: a tooltip is a pop-up control, costly to make each redraw. */
            private final Tooltip full = new Tooltip();

            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                if (empty || id == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(id.length() > SHOWN + 1 ? id.substring(0, SHOWN) + "…" : id);
                full.setText(id);
                setTooltip(full);
            }
        });
    }
}
