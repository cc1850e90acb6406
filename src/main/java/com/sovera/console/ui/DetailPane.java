package com.sovera.console.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.HPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import java.util.List;
import java.util.function.Function;

/**
 * The details of what is selected, as labelled fields each with its own copy button, or a clear placeholder
 * when nothing is. Support reads these out and pastes them into tickets.
 *
 * @param <T> what is shown
 */
public final class DetailPane<T> extends StackPane {

    /** One labelled field: its caption and how to read it from the selected object. */
    public record Row<T>(String caption, String id, Function<T, String> value) {
    }

    private final ObjectProperty<T> shown = new SimpleObjectProperty<>();

    /** Each caption beside its value. */
    public DetailPane(String id, String placeholder, List<Row<T>> rows) {
        this(id, placeholder, rows, false);
    }

    /**
     * @param stacked each caption above its value, which then has the pane's whole width: for a narrow side pane,
     *                where beside its caption an id or an e-mail was cut
     */
    public DetailPane(String id, String placeholder, List<Row<T>> rows, boolean stacked) {
        setId(id);
        getStyleClass().add("detail-pane");
        Label empty = new Label(placeholder);
        empty.setId(id + "-placeholder");
        empty.getStyleClass().add("detail-placeholder");
        empty.setWrapText(true);
        GridPane grid = new GridPane();
        grid.getStyleClass().add("detail-grid");
        grid.setHgap(8);
        grid.setVgap(2);
        ColumnConstraints caption = new ColumnConstraints();
        caption.setHalignment(HPos.RIGHT);
        caption.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a caption is never cut
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        value.setMinWidth(60);
        if (stacked) {
            grid.getColumnConstraints().addAll(value, new ColumnConstraints());
        } else {
            grid.getColumnConstraints().addAll(caption, value, new ColumnConstraints());
        }
        for (int i = 0; i < rows.size(); i++) {
            Row<T> row = rows.get(i);
            Label name = new Label(row.caption());
            name.getStyleClass().add("detail-caption");
            Label text = new Label();
            text.setId(row.id());
            text.getStyleClass().add("detail-value");
            Tooltip full = new Tooltip();
            text.setTooltip(full);
            Button copy = Icons.on(new Button(), "fth-copy");
            copy.setId(row.id() + "-copy");
            copy.getStyleClass().addAll("copy-button", atlantafx.base.theme.Styles.BUTTON_ICON,
                    atlantafx.base.theme.Styles.FLAT, atlantafx.base.theme.Styles.SMALL);
            copy.setAccessibleText("Copy " + row.caption());
            copy.setTooltip(new Tooltip("Copy " + row.caption().toLowerCase(java.util.Locale.ROOT)));
            shown.addListener((o, was, now) -> {
                String v = now == null ? "" : nz(row.value().apply(now));
                text.setText(v);
                full.setText(v);
                copy.setDisable(v.isEmpty());
            });
            copy.setOnAction(e -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(text.getText());
                Clipboard.getSystemClipboard().setContent(content);
                copy.setTooltip(new Tooltip("Copied"));
            });
            if (stacked) {
                grid.add(name, 0, 2 * i, 2, 1);
                grid.addRow(2 * i + 1, text, copy);
            } else {
                grid.addRow(i, name, text, copy);
            }
        }
        grid.visibleProperty().bind(shown.isNotNull());
        empty.visibleProperty().bind(shown.isNull());
        getChildren().addAll(empty, grid);
    }

    /** The object whose fields are shown; null shows the placeholder. */
    public ObjectProperty<T> shownProperty() {
        return shown;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
