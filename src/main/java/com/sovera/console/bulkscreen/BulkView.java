package com.sovera.console.bulkscreen;

import com.sovera.console.bulk.BulkRun;
import com.sovera.console.bulk.PreviewRow;
import com.sovera.console.bulk.ResultLine;
import com.sovera.console.bulk.Template;
import com.sovera.console.ui.ErrorBanner;
import com.sovera.console.ui.Icons;
import com.sovera.console.ui.Layouts;
import com.sovera.console.ui.PathField;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Bulk onboarding: the customer and the file, the preview of every row with its errors (fixed in place), Run with
 * its progress, and the results. Binds to {@link BulkViewModel}; the file dialogs are the only thing it decides.
 */
public final class BulkView extends VBox {

    private PathField openPath;

    private final BulkViewModel model;
    private final TabPane tabs = new TabPane();
    private final Tab results = new Tab("Results");

    public BulkView(BulkViewModel model) {
        this.model = model;
        setId("bulk");
        setSpacing(8);
        setPadding(new Insets(12));
        Label heading = new Label("Bulk onboarding");
        heading.getStyleClass().add("step-heading");
        Label rules = new Label(model.isSandbox()
                ? "A bare currency (BTC) means its test network here; main networks are refused on a sandbox."
                : "Name each wallet's network (BTC:bitcoin): a bare currency is an error outside a sandbox.");
        rules.getStyleClass().add("field-message");

        Tab preview = new Tab("Preview", previewPane());
        preview.setId("bulk-tab-preview");
        results.setContent(resultsPane());
        results.setId("bulk-tab-results");
        tabs.getTabs().addAll(preview, results);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        model.run().stateProperty().addListener((o, was, now) -> {
            if (now == BulkRun.State.FINISHED || now == BulkRun.State.CANCELLED || now == BulkRun.State.INCOMPLETE) {
                tabs.getSelectionModel().select(results);
            }
        });

        ErrorBanner problem = new ErrorBanner();
        problem.setId("bulk-problem");
        problem.problemProperty().bind(model.problemProperty());
        ErrorBanner runProblem = new ErrorBanner();
        runProblem.problemProperty().bind(model.run().problemProperty());
        getChildren().addAll(heading, new UnfinishedBar(model), customerAndFile(), rules, status(), problem,
                runProblem, tabs, new RunBar(model));
    }

    public BulkViewModel model() {
        return model;
    }

    private HBox customerAndFile() {
        ComboBox<String> customer = new ComboBox<>(model.knownCustomers());
        customer.setId("bulk-customer");
        customer.setEditable(true);
        customer.setPromptText("customer id");
        customer.setPrefWidth(220);
        customer.valueProperty().bindBidirectional(model.customerId);
        PasswordField key = new PasswordField();
        key.setId("bulk-key");
        key.setPromptText("its owner key (Enter: look up its users)");
        key.setPrefColumnCount(24);
        key.textProperty().bindBidirectional(model.ownerKey);
        key.setOnAction(e -> model.checkExisting());
        // while users are looked up or a run is under way, its customer and key stay as they are
        javafx.beans.binding.BooleanBinding settled = javafx.beans.binding.Bindings.createBooleanBinding(() ->
                model.busyProperty().get() != BulkViewModel.Busy.NONE || model.run().activeProperty().get(),
                model.busyProperty(), model.run().activeProperty());
        customer.disableProperty().bind(settled);
        key.disableProperty().bind(settled);
        key.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                model.checkExisting();
            }
        });
        Button open = Icons.on(new Button("Open _file..."), "fth-folder");
        open.setId("bulk-open");
        open.disableProperty().bind(model.run().activeProperty());
        open.setOnAction(e -> chooseFile());
        // the file's path typed or pasted beside the button: a keyboard journey never needs the native chooser
        PathField openPath = new PathField("bulk-open-path", open, this::openTyped);
        openPath.field().disableProperty().bind(model.run().activeProperty());
        this.openPath = openPath;
        Button template = Icons.on(new Button("_Download template..."), "fth-download");
        template.setId("bulk-template");
        // its path typed beside it too: saving the template never needs the native chooser either
        PathField templatePath = PathField.forSaving("bulk-template-path", template, model.runner(),
                () -> model::saveTemplate);
        template.setOnAction(e -> save(Template.FILE_NAME, templatePath).ifPresent(model::saveTemplate));
        Label customerLabel = new Label("Customer");
        Label keyLabel = new Label("Owner key");
        customerLabel.setLabelFor(customer);
        keyLabel.setLabelFor(key);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(8, customerLabel, customer, keyLabel, key, gap, openPath, templatePath);
        row.setAlignment(Pos.CENTER_LEFT);
        Layouts.keepWhole(customerLabel, keyLabel, open, template);
        return row;
    }

    private VBox status() {
        ProgressIndicator working = new ProgressIndicator();
        working.setId("bulk-working");
        working.setPrefSize(18, 18);
        working.visibleProperty().bind(model.busyProperty().isNotEqualTo(BulkViewModel.Busy.NONE));
        working.managedProperty().bind(working.visibleProperty());
        Label message = new Label();
        message.setId("bulk-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Label existing = new Label();
        existing.setId("bulk-existing");
        existing.getStyleClass().add("field-message");
        existing.setWrapText(true);
        existing.textProperty().bind(model.existingNoteProperty());
        HBox first = new HBox(8, working, message);
        first.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, first, existing);
    }

    private VBox previewPane() {
        PreviewTable table = new PreviewTable(model.preview());
        table.setAccessibleText("Rows of the file");
        table.editableProperty().bind(model.run().activeProperty().not());
        Label counts = new Label();
        counts.setId("bulk-counts");
        counts.textProperty().bind(Bindings.createStringBinding(() -> describe(model.preview().countsProperty()
                .get()), model.preview().countsProperty()));
        CheckBox onlyErrors = new CheckBox("Show _only rows with errors");
        onlyErrors.setId("bulk-only-errors");
        onlyErrors.selectedProperty().bindBidirectional(model.preview().onlyErrors);
        Button export = Icons.on(new Button("_Export errors..."), "fth-download");
        export.setId("bulk-export-errors");
        export.disableProperty().bind(Bindings.createBooleanBinding(() -> model.preview().countsProperty().get()
                .invalid() == 0, model.preview().countsProperty()));
        PathField exportPath = PathField.forSaving("bulk-export-errors-path", export, model.runner(),
                () -> model::exportErrors);
        export.setOnAction(e -> save(errorsName(), exportPath).ifPresent(model::exportErrors));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(12, counts, gap, onlyErrors, exportPath);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label rowErrors = new Label();
        rowErrors.setId("bulk-row-errors");
        rowErrors.setWrapText(true);
        rowErrors.getStyleClass().add("field-error-text");
        rowErrors.textProperty().bind(Bindings.createStringBinding(() -> rowErrors(table.getSelectionModel()
                .getSelectedItem()), table.getSelectionModel().selectedItemProperty()));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox pane = new VBox(6, bar, table, rowErrors);
        pane.setPadding(new Insets(6, 0, 0, 0));
        return pane;
    }

    private VBox resultsPane() {
        ResultsTable table = new ResultsTable(model.run().results());
        table.setAccessibleText("Results of the run");
        Label title = new Label();
        title.getStyleClass().add("section-heading");
        title.textProperty().bind(model.run().titleProperty());
        Label summary = new Label();
        summary.setId("bulk-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.run().summaryProperty());
        Button save = Icons.on(new Button("_Save results as CSV..."), "fth-save");
        save.setId("bulk-save-results");
        save.disableProperty().bind(Bindings.isEmpty(model.run().results()).or(model.run().activeProperty()));
        PathField savePath = PathField.forSaving("bulk-save-results-path", save, model.runner(),
                () -> model.run()::saveResults);
        save.setOnAction(e -> save(model.resultsFileName(), savePath).ifPresent(model.run()::saveResults));
        Button copyTrace = Icons.on(new Button("Cop_y trace id"), "fth-copy");
        copyTrace.setId("bulk-copy-trace");
        copyTrace.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ResultLine l = table.getSelectionModel().getSelectedItem();
            return l == null || l.traceId() == null;
        }, table.getSelectionModel().selectedItemProperty()));
        copyTrace.setOnAction(e -> copy(table.getSelectionModel().getSelectedItem().traceId()));
        Button copyAddress = Icons.on(new Button("Copy address"), "fth-copy");
        copyAddress.setId("bulk-copy-address");
        copyAddress.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ResultLine l = table.getSelectionModel().getSelectedItem();
            return l == null || l.address() == null;
        }, table.getSelectionModel().selectedItemProperty()));
        copyAddress.setOnAction(e -> copy(table.getSelectionModel().getSelectedItem().address()));
        Label saved = new Label();
        saved.setId("bulk-save-message");
        saved.textProperty().bind(model.run().saveMessageProperty());
        HBox actions = new HBox(8, savePath, copyTrace, copyAddress, saved);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox pane = new VBox(6, title, summary, table, actions);
        pane.setPadding(new Insets(6, 0, 0, 0));
        return pane;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void openTyped(Path file) {
        if (mayDropFixes()) {
            model.open(file);
        }
    }

    /** Opening another file drops the cells fixed in the preview: only if the operator agrees. */
    private boolean mayDropFixes() {
        int edits = model.preview().editsProperty().get();
        if (edits > 0) {
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "The " + edits + " cells you fixed are in this preview"
                    + " only. Open another file and drop them?", ButtonType.YES, ButtonType.NO);
            ask.initOwner(getScene().getWindow());
            ask.setHeaderText("Drop your fixes?");
            return ask.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
        }
        return true;
    }

    private void chooseFile() {
        if (!mayDropFixes()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a CSV file of users");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.CSV"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            openPath.show(file.toPath());
            model.open(file.toPath());
        }
    }

    /** The native chooser; its choice shows in the button's path field, if it has one. */
    private java.util.Optional<Path> save(String name, PathField path) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null && path != null) {
            path.show(file.toPath());
        }
        return java.util.Optional.ofNullable(file).map(File::toPath);
    }

    private String errorsName() {
        String results = model.resultsFileName();
        return results.substring(0, results.length() - "-results.csv".length()) + "-errors.csv";
    }

    static String describe(com.sovera.console.bulk.Preview.Counts c) {
        if (c.rows() == 0) {
            return "No file open.";
        }
        return String.format("%,d rows: %,d valid, %,d with errors, %,d existing users (reused), %,d wallets",
                c.rows(), c.valid(), c.invalid(), c.existing(), c.wallets());
    }

    private static String rowErrors(PreviewRow row) {
        if (row == null) {
            return "";
        }
        return row.isValid() ? "" : "Row " + row.number() + " (line " + row.line() + "): " + row.errorText();
    }
}
