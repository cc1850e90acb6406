package com.sovera.console.bulkscreen;

import com.sovera.console.bulk.Column;
import com.sovera.console.bulk.PreviewRow;
import java.util.function.BiConsumer;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

/**
 * A cell of the preview the operator can fix: double-click (or F2), type, Enter. A cell in error is marked and
 * says its error on hover. Leaving the cell keeps what was typed (only Escape drops it): nothing typed is lost.
 */
final class CheckedCell extends TableCell<PreviewRow, String> {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final Column column;
    private final BiConsumer<PreviewRow, String> fix;
    /** One a cell, its text changed on reuse: a tooltip is a pop-up control, costly to make each redraw. */
    private final Tooltip why = new Tooltip();
    private TextField field;
    /** The row being edited, taken when the edit starts: a scroll may give this cell another row before it ends. */
    private PreviewRow editing;
    private boolean escaped;
    private javafx.scene.Node faultIcon;

    /** @param fix takes what was typed when an edit ends other than by Enter (the table only hears of Enter) */
    CheckedCell(Column column, BiConsumer<PreviewRow, String> fix) {
        this.column = column;
        this.fix = fix;
        getStyleClass().add("checked-cell");
    }

    @Override
    public void startEdit() {
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        escaped = false;
        editing = rowAt(getIndex());
        field = new TextField(getItem());
        field.setOnAction(e -> {
            commitEdit(field.getText());
            e.consume();
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                escaped = true;
                cancelEdit();
                e.consume();
            }
        });
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused && isEditing()) {
                commitEdit(field.getText());
            }
        });
        setText(null);
        setGraphic(field);
        field.selectAll();
        field.requestFocus();
    }

    @Override
    public void cancelEdit() {
        String typed = field == null ? null : field.getText();
        PreviewRow row = editing;
        super.cancelEdit();
        field = null;
        editing = null;
        setGraphic(null);
        setText(getItem());
        if (!escaped && typed != null && row != null) {
            fix.accept(row, typed); // the table moved on (a click elsewhere, a scroll): keep what was typed
        }
    }

    @Override
    public void commitEdit(String value) {
        super.commitEdit(value);
        field = null;
        editing = null;
        setGraphic(null);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        PreviewRow row = empty ? null : rowAt(getIndex());
        String error = row == null ? null : row.error(column);
        pseudoClassStateChanged(ERROR, error != null);
        why.setText(error);
        setTooltip(error == null ? null : why);
        if (isEditing() && field != null) {
            setText(null);
            setGraphic(field);
        } else {
            setText(empty ? null : item);
            setGraphic(error == null ? null : faultIcon()); // the red is never the only sign of a wrong cell
        }
    }

    private javafx.scene.Node faultIcon() {
        if (faultIcon == null) {
            faultIcon = com.sovera.console.ui.Icons.fault();
        }
        return faultIcon;
    }

    private PreviewRow rowAt(int index) {
        var items = getTableView() == null ? null : getTableView().getItems();
        return items == null || index < 0 || index >= items.size() ? null : items.get(index);
    }
}
