package com.sovera.console.ui;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A table cell of text that says its whole value on hover: where a laptop's column cuts it ("Quentin's USDC wa..."),
 * the operator can still read it out.
 *
 * @param <T> the table's row
 */
public final class WholeOnHoverCell<T> extends TableCell<T, String> {

    /** One a cell, its text changed on reuse: a tooltip is a pop-up control, costly to make each redraw. */
    private final Tooltip whole = new Tooltip();

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        boolean blank = empty || item == null || item.isEmpty();
        setText(empty ? null : item);
        whole.setText(blank ? "" : item);
        setTooltip(blank ? null : whole);
    }
}
