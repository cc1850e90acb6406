package com.sovera.console.lookup;

import com.sovera.console.api.Filter;
import com.sovera.console.ui.ErrorBanner;
import com.sovera.console.ui.Icons;
import com.sovera.console.ui.Layouts;
import com.sovera.console.ui.Notices;
import com.sovera.console.ui.PathField;
import com.sovera.console.ui.ShortIds;
import com.sovera.console.ui.WholeOnHoverCell;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * A table whose paging, page size and column sort are done by the server through a {@link PagedViewModel}; it shows
 * loading, empty, error (with retry and trace id) and not-offered states, the total, and copies a row's id.
 */
public final class PagedTable<T> extends VBox {

    private final PagedViewModel<T> model;
    private final TableView<T> table = new TableView<>();
    private final Pager pager = new Pager();
    private final Label placeholder = new Label();
    private final HBox footer;
    private final Button copy;
    private final Button retry;
    private ExportViewModel<T> export;
    private boolean syncing;
    /** Room for a sorted column's arrow beside its header's words (the theme draws it 8px wide, padded by 4px). */
    private static final double SORT_ARROW_ROOM = 12;
    /** The columns kept as wide as their widest value (see {@link #wholeColumn}). */
    private final List<TableColumn<T, String>> whole = new ArrayList<>();
    /** Each column's least width as given, before its header's words or its values widen it. */
    private final java.util.Map<TableColumn<T, ?>, Double> least = new java.util.LinkedHashMap<>();
    /** A header's label, whose font says when the text size changed. */
    private Label headerFont;

    /**
     * The second table of a view (a customer's owner keys beside the customers): its buttons take no mnemonic,
     * whose letters the first table's already claim.
     */
    public PagedTable<T> withoutMnemonics() {
        copy.setMnemonicParsing(false);
        retry.setMnemonicParsing(false);
        copy.setText(copy.getText().replace("_", ""));
        retry.setText(retry.getText().replace("_", ""));
        return this;
    }

    public PagedTable(String id, PagedViewModel<T> model, Function<T, String> idOf) {
        this.model = model;
        setId(id);
        setSpacing(6);
        table.setId(id + "-table");
        table.getStyleClass().add("paged-table"); // its long headers take two lines (console.css)
        table.setItems(model.rows());
        table.setPlaceholder(placeholder);
        // every column fits the table's width: support never scrolls sideways to find the status or the date
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // A header click changes a column's sort type without touching the sort order list, and every change of
        // either comes through the sort policy: the server sorts, the table only says how.
        table.setSortPolicy(t -> {
            fitColumnsAfterLayout(); // the sorted column's header takes its arrow
            model.sort(sorts());
            return true;
        });
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
        copy = Icons.on(new Button("Copy I_D"), "fth-copy");
        copy.setId(id + "-copy-id");
        copy.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(idOf.apply(table.getSelectionModel().getSelectedItem()));
            Clipboard.getSystemClipboard().setContent(content);
        });
        ErrorBanner errors = new ErrorBanner();
        retry = Icons.on(new Button("_Retry"), "fth-refresh-cw");
        retry.setId(id + "-retry");
        retry.setOnAction(e -> model.load());
        HBox errorRow = new HBox(8, errors, retry);
        HBox.setHgrow(errors, Priority.ALWAYS);
        errorRow.setAlignment(Pos.CENTER_LEFT);
        errors.problemProperty().bind(model.problemProperty());
        errorRow.visibleProperty().bind(model.problemProperty().isNotNull());
        errorRow.managedProperty().bind(model.problemProperty().isNotNull());
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                switch (model.stateProperty().get()) {
                    case LOADING -> "Loading...";
                    case EMPTY -> "Nothing matches these filters.";
                    case ERROR -> "Could not load: see the error above.";
                    case NOT_OFFERED -> model.messageProperty().get();
                    default -> "";
                }, model.stateProperty(), model.messageProperty()));
        model.totalProperty().addListener((o, was, now) -> syncPages());
        // measured once the page is drawn: the cells' font is the theme's, known only then
        model.rows().addListener((javafx.collections.ListChangeListener<T>) change -> {
            fitColumnsAfterLayout();
            syncPages(); // an estimated total offers a next page while the page is full: the rows decide
        });
        model.pageProperty().addListener((o, was, now) -> syncPages());
        model.pageSizeProperty().addListener((o, was, now) -> syncPages());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label rowsLabel = new Label("Rows a page");
        rowsLabel.setLabelFor(size);
        footer = new HBox(10, copy, gap, total, rowsLabel, size);
        Layouts.keepWhole(copy, total, rowsLabel, size);
        footer.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(errorRow, table, pager, footer);
        // the headers are measured once drawn, whether rows came or not
        table.sceneProperty().addListener((o, was, now) -> fitColumnsAfterLayout());
    }

    private void fitColumnsAfterLayout() {
        javafx.scene.Scene scene = table.getScene();
        if (scene == null) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            fitColumns();
        };
        scene.addPostLayoutPulseListener(once[0]);
        javafx.application.Platform.requestNextPulse();
    }

    /**
     * Each column at least as wide as its header's longest word in the header's font (a longer header takes two
     * lines), with room for the sort arrow beside it while it is sorted ("Balance (pendi..." names no column); each whole column also as wide as its widest value on the
     * page, in the font and padding of its cells.
     */
    @SuppressWarnings("unchecked") // a header of this table is of one of its columns
    private void fitColumns() {
        java.util.Map<TableColumn<T, ?>, Double> needed = new java.util.HashMap<>();
        for (javafx.scene.Node node : table.lookupAll(".column-header")) {
            if (node instanceof javafx.scene.control.skin.TableColumnHeader header
                    && header.lookup(".label") instanceof Label label && table.getColumns().contains(
                            header.getTableColumn())) {
                followFontOf(label);
                TableColumn<T, ?> c = (TableColumn<T, ?>) header.getTableColumn();
                needed.put(c, Math.ceil(longestWord(label) + label.snappedLeftInset() + label.snappedRightInset()
                        + header.snappedLeftInset() + header.snappedRightInset()
                        + (table.getSortOrder().contains(c) ? SORT_ARROW_ROOM : 0)));
            }
        }
        javafx.scene.control.IndexedCell<?> drawn = (javafx.scene.control.IndexedCell<?>) table.lookup(".table-cell");
        if (drawn != null) {
            javafx.scene.text.Text probe = new javafx.scene.text.Text();
            probe.setFont(drawn.getFont());
            double padding = drawn.snappedLeftInset() + drawn.snappedRightInset() + 4;
            for (TableColumn<T, String> c : whole) {
                double widest = 0;
                for (T row : model.rows()) {
                    probe.setText(c.getCellData(row));
                    widest = Math.max(widest, probe.getLayoutBounds().getWidth());
                }
                needed.merge(c, Math.ceil(widest + padding), Math::max);
            }
        }
        for (var entry : least.entrySet()) {
            entry.getKey().setMinWidth(Math.max(entry.getValue(), needed.getOrDefault(entry.getKey(), 0.0)));
        }
        // a column widened to its new least width widens the row past the table: share the width out again
        // (as the table does when it is resized), the free text giving up its room
        table.getColumnResizePolicy().call(new TableView.ResizeFeatures<>(table, null, 0.0));
    }

    /** The widest word of the label in its font: the theme wraps a header at its spaces, never inside a word. */
    private static double longestWord(Label label) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(label.getFont());
        double widest = 0;
        for (String word : label.getText().split(" ")) {
            probe.setText(word);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        return widest;
    }

    /** The header's font changes with the text size of Settings: the columns are measured again in it. */
    private void followFontOf(Label header) {
        if (headerFont == null) {
            headerFont = header;
            header.fontProperty().addListener((o, was, now) -> fitColumnsAfterLayout());
        }
    }

    private List<Filter.Sort> sorts() {
        List<Filter.Sort> sorts = new ArrayList<>();
        for (TableColumn<T, ?> c : table.getSortOrder()) {
            if (c.getUserData() instanceof String field) {
                sorts.add(new Filter.Sort(field, c.getSortType() == TableColumn.SortType.ASCENDING
                        ? Filter.Direction.ASC : Filter.Direction.DESC));
            }
        }
        return sorts;
    }

    private void syncPages() {
        syncing = true;
        pager.setPageCount(model.pageCount());
        pager.setCurrentPageIndex(model.pageProperty().get());
        syncing = false;
    }

    /**
     * Adds a column that keeps its width (a status, a date: cut, they say nothing); a non-null {@code sortField} is
     * the server's name for sorting by it.
     */
    public TableColumn<T, String> column(String title, Function<T, String> value, String sortField, double width) {
        TableColumn<T, String> c = flexColumn(title, value, sortField, width);
        c.setMinWidth(width);
        least.put(c, width);
        return c;
    }

    /**
     * Adds a column of what the operator reads out or acts on (an e-mail, a wallet's name, a balance): never
     * narrower than the widest value of the page shown, so none reads "...". The other free-text columns give up
     * their room first.
     */
    public TableColumn<T, String> wholeColumn(String title, Function<T, String> value, String sortField,
                                              double width) {
        TableColumn<T, String> c = column(title, value, sortField, width);
        whole.add(c);
        return c;
    }

    /**
     * Adds a column of free text (a name, an address) that gives up room when the window is narrow, down to two
     * thirds of {@code width}, so that the fixed columns stay whole; a value it cuts is whole on hover.
     */
    public TableColumn<T, String> flexColumn(String title, Function<T, String> value, String sortField,
                                             double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setCellFactory(column -> new WholeOnHoverCell<>());
        c.setSortable(sortField != null);
        c.setUserData(sortField);
        c.setPrefWidth(width);
        c.setMinWidth(Math.round(width * 2 / 3));
        least.put(c, c.getMinWidth());
        table.getColumns().add(c);
        return c;
    }

    /** Adds an id column, shown shortened with the full id on hover. */
    public TableColumn<T, String> idColumn(String title, Function<T, String> value) {
        TableColumn<T, String> c = column(title, value, null, 86);
        ShortIds.on(c); // Copy ID copies it whole
        c.getStyleClass().add("id-column");
        return c;
    }

    /** Adds CSV export of every row the current filters and sort match, all pages, with progress and cancel. */
    public void exportable(ExportViewModel<T> export) {
        this.export = export;
        Button start = Icons.on(new Button("_Export CSV..."), "fth-download");
        start.setId(getId() + "-export");
        Button cancel = Icons.on(new Button("Cancel export"), "fth-x");
        cancel.setId(getId() + "-export-cancel");
        ProgressBar progress = new ProgressBar();
        progress.setId(getId() + "-export-progress");
        Label message = new Label();
        message.setId(getId() + "-export-message");
        start.disableProperty().bind(export.runningProperty());
        cancel.visibleProperty().bind(export.runningProperty());
        progress.visibleProperty().bind(export.runningProperty());
        progress.progressProperty().bind(export.progressProperty());
        message.textProperty().bind(export.messageProperty());
        // the file's path typed beside the button: a keyboard journey never needs the native chooser
        PathField path = PathField.forSaving(getId() + "-export-path", start, export.runner(), () -> export::start);
        start.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(export.fileName());
            java.io.File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                path.show(file.toPath());
                export.start(java.nio.file.Path.of(file.getPath()));
            }
        });
        cancel.setOnAction(e -> export.cancel());
        export.outcomeProperty().addListener((o, was, ended) -> {
            if (ended != null && ended.complete()) {
                Notices.done(this, "Export finished", export.messageProperty().get() + ".");
            } else if (ended != null) {
                Notices.failed(this, "Export stopped", export.messageProperty().get());
            }
        });
        export.failureProperty().addListener((o, was, failed) -> {
            if (failed != null) {
                Notices.failed(this, "Export failed", failed.message());
            }
        });
        // a row of its own: beside the pager's footer, a laptop's width squeezed the typed path to a letter
        HBox exportRow = new HBox(10, path, cancel, progress, message);
        exportRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(path, javafx.scene.layout.Priority.SOMETIMES);
        getChildren().add(exportRow);
        Layouts.keepWhole(start, cancel);
    }

    /**
     * The table's selection and the screen's are one: a row picked in the table is selected on the screen, and a
     * row the screen selects (a search's Open user) is selected in the table and scrolled to.
     */
    public void selectionFollows(javafx.beans.property.ObjectProperty<T> selected) {
        table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> selected.set(row));
        selected.addListener((o, was, row) -> {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            }
        });
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

    public PagedViewModel<T> model() {
        return model;
    }

    /** The export behind the Export button (a test starts one without the file dialog). */
    public ExportViewModel<T> export() {
        return export;
    }

    public TableView<T> table() {
        return table;
    }
}
