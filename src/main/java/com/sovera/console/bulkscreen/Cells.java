package com.sovera.console.bulkscreen;

import com.sovera.console.ui.ShortIds;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Columns the bulk screen's two tables share: text, right-aligned numbers, ids shortened with the whole on hover. */
final class Cells {

    private Cells() {
    }

    /** A column of text, not sortable: the rows stay in the file's order. */
    static <T> TableColumn<T, String> text(String title, String id, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        c.setPrefWidth(width);
        c.setMinWidth(Math.round(width / 2));
        return c;
    }

    /** A column of whole numbers, right-aligned. */
    static <T> TableColumn<T, Number> number(String title, String id, Function<T, Number> value, double width) {
        TableColumn<T, Number> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        c.setPrefWidth(width);
        c.getStyleClass().add("numeric");
        c.setCellFactory(col -> {
            TableCell<T, Number> cell = new TableCell<>() {
                @Override
                protected void updateItem(Number n, boolean empty) {
                    super.updateItem(n, empty);
                    setText(empty || n == null ? null : n.toString());
                }
            };
            cell.getStyleClass().add("numeric");
            return cell;
        });
        return c;
    }

    /** An id shown shortened ("3f2a9c1e…"), the full id on hover. */
    static <T> TableColumn<T, String> shortId(String title, String id, Function<T, String> value) {
        TableColumn<T, String> c = text(title, id, value, 90);
        ShortIds.on(c);
        return c;
    }
}
