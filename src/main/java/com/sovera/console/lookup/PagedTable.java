package com.sovera.console.lookup;

import com.sovera.console.api.Filter;
import com.sovera.console.ui.ErrorBanner;
import com.sovera.console.ui.Notices;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A table whose paging, page size and column sort are done by the server through a {@link PagedModel}; it shows
 * loading, empty, error (with retry and trace id) and not-offered states, the total, and copies a row's id.
 */
public final class PagedTable<T> extends VBox {

    private final PagedModel<T> model;
    private final TableView<T> table = new TableView<>();
    private final Pager pager = new Pager();
    private final Label placeholder = new Label();
    private Filter conditions = Filter.none();
    private boolean syncing;
    private HBox footer;
    private final javafx.scene.control.ProgressBar exportProgress = new javafx.scene.control.ProgressBar(0);
    private final Label exportMessage = new Label();
    private CsvExport<T> running;
    private List<String> exportHeader;
    private Function<T, List<String>> exportCells;
    private final Button exportButton = com.sovera.console.ui.Icons.on(new Button("_Export CSV..."), "fth-download");
    private final Button cancelButton = com.sovera.console.ui.Icons.on(new Button("Cancel export"), "fth-x");

    public PagedTable(String id, PagedModel<T> model, Function<T, String> idOf) {
        this.model = model;
        setId(id);
        setSpacing(6);
        table.setId(id + "-table");
        table.setItems(model.rows());
        table.setPlaceholder(placeholder);
        table.setSortPolicy(t -> true); // the server sorts
        table.getSortOrder().addListener((ListChangeListener<TableColumn<T, ?>>) c -> requery());
        VBox.setVgrow(table, Priority.ALWAYS);

        pager.setId(id + "-pagination");
        pager.currentPageIndexProperty().addListener((o, was, now) -> {
            if (!syncing) {
                model.showPage(now.intValue());
            }
        });
        ComboBox<Integer> size = new ComboBox<>(FXCollections.observableArrayList(20, 50, 100));
        size.setId(id + "-page-size");
        size.setValue(model.pageSizeProperty().get());
        size.valueProperty().addListener((o, was, now) -> model.setPageSize(now));
        Label total = new Label();
        total.setId(id + "-total");
        total.textProperty().bind(model.messageProperty());
        Button copy = com.sovera.console.ui.Icons.on(new Button("Copy _ID"), "fth-copy");
        copy.setId(id + "-copy-id");
        copy.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(idOf.apply(table.getSelectionModel().getSelectedItem()));
            Clipboard.getSystemClipboard().setContent(content);
        });
        ErrorBanner errors = new ErrorBanner();
        Button retry = com.sovera.console.ui.Icons.on(new Button("_Retry"), "fth-refresh-cw");
        retry.setId(id + "-retry");
        retry.setOnAction(e -> model.load());
        HBox errorRow = new HBox(8, errors, retry);
        HBox.setHgrow(errors, Priority.ALWAYS);
        errorRow.setAlignment(Pos.CENTER_LEFT);
        model.problemProperty().addListener((o, was, now) -> errors.show(now));
        errorRow.visibleProperty().bind(model.problemProperty().isNotNull());
        errorRow.managedProperty().bind(model.problemProperty().isNotNull());
        model.stateProperty().addListener((o, was, now) -> placeholder.setText(switch (now) {
            case LOADING -> "Loading...";
            case EMPTY -> "Nothing matches these filters.";
            case ERROR -> "Could not load: see the error above.";
            case NOT_OFFERED -> model.messageProperty().get();
            default -> "";
        }));
        model.totalProperty().addListener((o, was, now) -> syncPages());
        model.pageProperty().addListener((o, was, now) -> syncPages());
        model.pageSizeProperty().addListener((o, was, now) -> syncPages());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label rowsLabel = new Label("Rows a page");
        footer = new HBox(10, copy, gap, total, rowsLabel, size);
        com.sovera.console.ui.Layouts.keepWhole(copy, total, rowsLabel, size);
        footer.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(errorRow, table, pager, footer);
    }

    private void syncPages() {
        syncing = true;
        pager.setPageCount(model.pageCount());
        pager.setCurrentPageIndex(model.pageProperty().get());
        syncing = false;
    }

    /** Adds a column; a non-null {@code sortField} is the server's name for sorting by it. */
    public TableColumn<T, String> column(String title, Function<T, String> value, String sortField, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setSortable(sortField != null);
        c.setUserData(sortField);
        c.setPrefWidth(width);
        table.getColumns().add(c);
        return c;
    }

    /** Adds CSV export of every row the current filters and sort match, all pages, with progress and cancel. */
    public void exportable(com.sovera.console.ui.Background background, List<String> header,
                           Function<T, List<String>> cells, String fileName) {
        exportHeader = header;
        exportCells = cells;
        Button export = exportButton;
        export.setId(getId() + "-export");
        Button cancel = cancelButton;
        cancel.setId(getId() + "-export-cancel");
        exportProgress.setId(getId() + "-export-progress");
        exportMessage.setId(getId() + "-export-message");
        cancel.setVisible(false);
        exportProgress.setVisible(false);
        export.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setInitialFileName(fileName);
            java.io.File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                export(background, java.nio.file.Path.of(file.getPath()));
            }
        });
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel();
            }
        });
        footer.getChildren().addAll(0, List.of(export, cancel, exportProgress, exportMessage));
        com.sovera.console.ui.Layouts.keepWhole(export, cancel);
    }

    /** Starts the export to a file, as the Export button does after its file dialog; returns the running job. */
    public CsvExport<T> export(com.sovera.console.ui.Background background, java.nio.file.Path file) {
        Button export = exportButton;
        Button cancel = cancelButton;
        CsvExport<T> job = new CsvExport<>(model.source(), model::filter, exportHeader, exportCells);
        running = job;
        long expected = Math.max(1, model.totalProperty().get());
        export.setDisable(true);
        cancel.setVisible(true);
        exportProgress.setVisible(true);
        exportProgress.setProgress(0);
        exportMessage.setText("Exporting...");
        background.run(() -> job.run(file, rows -> javafx.application.Platform.runLater(() ->
                exportProgress.setProgress(Math.min(1.0, rows / (double) expected)))), outcome -> {
                    export.setDisable(false);
                    cancel.setVisible(false);
                    exportMessage.setText(outcome.complete()
                            ? "Exported " + outcome.rows() + " rows to " + outcome.file().getFileName()
                            : "PARTIAL: " + outcome.rows() + " of " + outcome.total() + " rows in "
                            + outcome.file().getFileName() + " (" + outcome.reason() + ")");
                    if (outcome.complete()) {
                        Notices.done(this, "Export finished", exportMessage.getText() + ".");
                    } else {
                        Notices.failed(this, "Export stopped", exportMessage.getText());
                    }
                }, failure -> {
                    export.setDisable(false);
                    cancel.setVisible(false);
                    exportMessage.setText("Export failed: " + failure.getMessage());
                    Notices.failed(this, "Export failed", failure.getMessage());
                });
        return job;
    }

    /** Shows the page after or before this one, if there is one (keyboard shortcuts). */
    public void turnPage(int by) {
        int target = model.pageProperty().get() + by;
        if (target >= 0 && target < model.pageCount()) {
            model.showPage(target);
        }
    }

    /** Loads the current page again (F5). */
    public void refresh() {
        model.load();
    }

    public TableView<T> table() {
        return table;
    }

    /** Runs the query with new conditions, keeping the column sort. */
    public void filter(Filter newConditions) {
        this.conditions = newConditions;
        requery();
    }

    private void requery() {
        List<Filter.Sort> sorts = new ArrayList<>();
        for (TableColumn<T, ?> c : table.getSortOrder()) {
            if (c.getUserData() instanceof String field) {
                sorts.add(new Filter.Sort(field, c.getSortType() == TableColumn.SortType.ASCENDING
                        ? Filter.Direction.ASC : Filter.Direction.DESC));
            }
        }
        model.query(conditions, sorts);
    }
}
