package com.sovera.console.deposit;

import com.sovera.console.chain.Network;
import com.sovera.console.ui.task.TaskRunner;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * A deposit address as operators read it out and show it: grouped in fours, in monospace, its currency and
 * network named, a testnet warning, copy, a read-back for the phone, and its QR code only once every check has
 * passed. An enlarged view follows the address and closes when it changes, so it can never show a stale one.
 */
public final class AddressPanel extends VBox {

    private final Label heading = new Label();
    private final Label address = new Label();
    private final Label warning = new Label();
    private final Label failure = new Label();
    private final VBox checks = new VBox(2);
    private final ImageView qr = new ImageView();
    private final Button copy = com.sovera.console.ui.Icons.on(new Button("Cop_y address"), "fth-copy");
    private final Button copyImage = com.sovera.console.ui.Icons.on(new Button("Copy _QR image"), "fth-image");
    // no mnemonic: S is Search's wherever an address panel shows, and no other letter of these words is free
    private final Button save = com.sovera.console.ui.Icons.on(new Button("Save QR as PNG"), "fth-download");
    private final javafx.beans.property.ObjectProperty<DepositCheck.Result> result =
            new javafx.beans.property.SimpleObjectProperty<>();
    private final TaskRunner runner;
    private final com.sovera.console.ui.PathField savePath;
    private Stage enlarged;
    /** What the code shows now: the result given, redrawn with the amount requested, if any. */
    private DepositCheck.Result drawn;
    private final TextField amount = new TextField();
    private final Label amountProblem = new Label();
    private final Button copyLink = com.sovera.console.ui.Icons.on(new Button("Copy pay_ment link"), "fth-link");
    private final VBox waiting = new VBox(4);
    private final Label status = new Label();
    private final Label comparison = new Label();
    private final Label txHash = new Label();
    private final Label watchProblem = new Label();
    private final Button copyHash = com.sovera.console.ui.Icons.on(new Button("Copy t_x hash"), "fth-copy");
    private final Button simulate = new Button("Simulate a deposit…");
    private final Label simulated = new Label();
    private DepositWatching watching;
    private DepositWatch watch;
    private final ReadBackViewModel readBack = new ReadBackViewModel();

    /** @param runner writes a saved image off the FX thread */
    public AddressPanel(TaskRunner runner) {
        this.runner = runner;
        setId("address-panel");
        setSpacing(8);
        setPadding(new Insets(8));
        heading.setId("address-heading");
        heading.getStyleClass().add("address-heading");
        heading.setWrapText(true); // "USDC (ERC-20) on Ethereum Sepolia. Send only USDC ...": whole in a side pane
        address.setId("address-text");
        address.getStyleClass().add("address-text");
        address.setWrapText(true);
        warning.setId("testnet-warning");
        warning.getStyleClass().add("testnet-warning");
        warning.setWrapText(true);
        failure.setId("address-failure");
        failure.getStyleClass().add("error-title");
        failure.setWrapText(true);
        failure.setFocusTraversable(true); // why there is no code: Tab reaches it, a screen reader reads it
        checks.setId("address-checks");
        qr.setId("address-qr");
        qr.setPreserveRatio(true);
        qr.setFitWidth(220);
        qr.setOnMouseClicked(e -> enlarge());
        StackPane quiet = new StackPane(qr);
        quiet.getStyleClass().add("qr-frame");
        quiet.setAlignment(Pos.CENTER);
        copy.setId("copy-address");
        copy.setOnAction(e -> putOnClipboard(result.get().address().address(), null));
        copyImage.setId("copy-qr");
        copyImage.setOnAction(e -> putOnClipboard(null, qr));
        save.setId("save-qr");
        save.setOnAction(e -> saveAs());
        // the image's path typed beside the button: a keyboard journey never needs the native chooser
        savePath = com.sovera.console.ui.PathField.forSaving("save-qr-path", save, runner, () -> {
            DepositCheck.Result shown = drawn; // the code shown at Enter, whatever is selected while it is checked
            return file -> save(shown, file);
        });
        copyLink.setId("copy-payment-link");
        copyLink.setOnAction(e -> putOnClipboard(drawn.paymentUri(), null));
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 6, copy, copyLink, copyImage, savePath); // wraps when narrow
        amount.setId("deposit-amount");
        amount.setPromptText("Amount (optional)");
        amount.setPrefColumnCount(14);
        amount.setOnAction(e -> requestAmount());
        amountProblem.setId("deposit-amount-problem");
        amountProblem.getStyleClass().add("field-error-text"); // words and an icon: the red is never alone
        amountProblem.setGraphic(com.sovera.console.ui.Icons.fault());
        amountProblem.setWrapText(true);
        amountProblem.visibleProperty().bind(amountProblem.textProperty().isNotEmpty());
        amountProblem.managedProperty().bind(amountProblem.visibleProperty());
        amount.accessibleHelpProperty().bind(amountProblem.textProperty()); // the fault, said with the field
        Label amountLabel = new Label("_Request an amount:");
        amountLabel.setId("amount-label");
        amountLabel.setMnemonicParsing(true);
        amountLabel.setLabelFor(amount);
        // wraps in a narrow side pane rather than widening it (the wallet's address chooser above was cut)
        javafx.scene.layout.FlowPane amountRow = new javafx.scene.layout.FlowPane(8, 4, amountLabel, amount,
                amountProblem);
        amountRow.setAlignment(Pos.CENTER_LEFT);
        status.setId("deposit-status");
        status.getStyleClass().add("deposit-status");
        status.setFocusTraversable(true); // "Received" is reached by Tab, never by a move of the focus
        comparison.setId("deposit-comparison");
        txHash.setId("deposit-tx-hash");
        txHash.getStyleClass().add("address-text");
        txHash.setWrapText(true);
        watchProblem.setId("deposit-watch-problem");
        watchProblem.setWrapText(true);
        copyHash.setId("copy-tx-hash");
        copyHash.setOnAction(e -> putOnClipboard(watch.txHashProperty().get(), null));
        simulate.setId("simulate-deposit");
        simulate.setOnAction(e -> simulateDeposit());
        simulated.setId("simulate-deposit-message");
        simulated.setWrapText(true);
        waiting.setId("deposit-waiting");
        // the hash wraps above its button: beside a 64-character hash the button was cut in a side pane
        com.sovera.console.ui.Layouts.keepWhole(copyHash, simulate);
        waiting.getChildren().addAll(status, comparison, txHash, copyHash, watchProblem,
                new HBox(8, simulate, simulated));
        waiting.setVisible(false);
        waiting.setManaged(false);
        getChildren().addAll(heading, address, new ReadBackPane(readBack), warning, failure,
                new HBox(16, quiet, checks), amountRow, actions, waiting);
        this.result.addListener((o, was, now) -> render(now));
        render(null);
        // the enlarged code is the window's: it goes when the window does; the wait for a deposit goes with the panel
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                closeEnlarged();
            }
            followWatch();
        });
    }

    /**
     * Waits for deposits to the address shown while the panel is on screen, and on the embedded sandbox offers
     * <em>Simulate a deposit…</em>. Without it the panel shows the address alone.
     */
    public void watchDeposits(DepositWatching value) {
        this.watching = value;
        this.watch = value.newWatch();
        status.textProperty().bind(watch.statusProperty());
        comparison.textProperty().bind(watch.comparisonProperty());
        comparison.visibleProperty().bind(watch.comparisonProperty().isNotEmpty());
        comparison.managedProperty().bind(comparison.visibleProperty());
        txHash.textProperty().bind(watch.txHashProperty());
        copyHash.visibleProperty().bind(watch.txHashProperty().isNotEmpty());
        copyHash.managedProperty().bind(copyHash.visibleProperty());
        watchProblem.textProperty().bind(watch.problemProperty());
        watchProblem.visibleProperty().bind(watch.problemProperty().isNotEmpty());
        watchProblem.managedProperty().bind(watchProblem.visibleProperty());
        simulate.setVisible(value.offersSimulation());
        simulate.setManaged(value.offersSimulation());
        // a lookups desk: offered disabled, the reason beside it
        String refusal = value.simulationRefusal();
        simulate.setDisable(refusal != null);
        com.sovera.console.ui.LookupsOnly.explain(new javafx.beans.property.SimpleBooleanProperty(refusal != null),
                simulate);
        simulated.setText(refusal == null ? "" : refusal + ".");
        followWatch();
    }

    /** The watch this panel runs, if any (for tests and the screen it is on). */
    public DepositWatch watch() {
        return watch;
    }

    /** Watches the verified address shown while the panel is in a scene; stops otherwise. */
    private void followWatch() {
        if (watch == null) {
            return;
        }
        DepositCheck.Result shown = result.get();
        boolean on = getScene() != null && shown != null && shown.ok();
        waiting.setVisible(on);
        waiting.setManaged(on);
        if (!on) {
            watch.stop();
            watchedAddress = null;
            return;
        }
        if (!shown.address().equals(watchedAddress) || !watch.pollingProperty().get()) {
            watchedAddress = shown.address();
            watch.watch(shown.address());
            if (drawn != null && drawn.requested() != null) {
                watch.request(drawn.requested()); // back on screen with the amount still asked for
            }
        }
    }

    private com.sovera.console.api.model.DepositAddress watchedAddress;

    /** Enter in the amount field: the code is drawn anew asking for it, and the wait compares with it. */
    private void requestAmount() {
        DepositCheck.Result shown = result.get();
        if (shown == null || !shown.ok()) {
            return;
        }
        String problem = AmountRequest.problem(amount.getText(), shown.address().currency());
        amountProblem.setText(problem == null ? "" : problem);
        if (problem != null) {
            return;
        }
        java.math.BigDecimal requested = AmountRequest.parse(amount.getText(), shown.address().currency());
        drawn = shown.withAmount(requested);
        showCode(drawn);
        if (watch != null) {
            watch.request(requested);
        }
    }

    private void simulateDeposit() {
        DepositCheck.Result shown = result.get();
        if (shown == null || !shown.ok() || watching == null || !watching.offersSimulation()) {
            return;
        }
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> dialog = new javafx.scene.control.Dialog<>();
        dialog.setTitle("Simulate a deposit");
        dialog.setHeaderText("Sandbox training: a deposit to " + DepositCheck.grouped(shown.address().address())
                + ", as the customer would send it. Nothing real is sent.");
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        TextField value = new TextField(amount.getText());
        value.setId("simulate-amount");
        value.setPromptText("Amount in " + shown.address().currency());
        javafx.scene.control.Spinner<Integer> times = new javafx.scene.control.Spinner<>(1, 10, 1);
        times.setId("simulate-times");
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, com.sovera.console.ui.Names.caption("Amount", value), value);
        grid.addRow(1, com.sovera.console.ui.Names.caption("How many deposits", times), times);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        javafx.application.Platform.runLater(value::requestFocus);
        dialog.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> {
            simulated.setText("Simulating…");
            watching.simulate(shown.address(), value.getText(), times.getValue(), simulated::setText);
        });
    }

    /** What is shown: a verified address with its code, an unverified one as a red error without one, or null. */
    public javafx.beans.property.ObjectProperty<DepositCheck.Result> resultProperty() {
        return result;
    }

    private void closeEnlarged() {
        if (enlarged != null) {
            enlarged.close();
            enlarged = null;
        }
    }

    private void render(DepositCheck.Result result) {
        closeEnlarged();
        setVisible(result != null);
        setManaged(result != null);
        drawn = result;
        amount.clear();
        amountProblem.setText("");
        simulated.setText(watching == null || watching.simulationRefusal() == null ? ""
                : watching.simulationRefusal() + ".");
        readBack.show(result);
        followWatch();
        if (result == null) {
            return;
        }
        Network network = result.network();
        heading.setText(result.heading());
        address.setText(DepositCheck.grouped(result.address().address()));
        // a screen reader says it as it is read on the phone: group by group, each character a word
        address.setAccessibleText(ReadBack.of(result.address().address(), result.address().currency(), network)
                .spoken());
        warning.setText(result.testnetWarning());
        warning.setVisible(network != null && network.isTestnet());
        amount.setDisable(!result.ok());
        showCode(result);
    }

    /** The code, its checks and its actions for what is drawn (the address, with the amount requested if any). */
    private void showCode(DepositCheck.Result result) {
        closeEnlarged();
        checks.getChildren().setAll(result.passed().stream().map(c -> {
            Label passed = new Label("✓ " + c);
            passed.setWrapText(true); // beside the code there is little room: on two lines, never cut
            return passed;
        }).toList());
        failure.setText(result.ok() ? "" : "Not shown as a QR code: " + result.failure());
        failure.setVisible(!result.ok());
        qr.setImage(result.ok() ? QrImages.toImage(result.qr()) : null);
        copy.setDisable(!result.ok());
        copy.setAccessibleHelp(result.ok() ? "Verified: " + String.join(", ", result.passed()) : null);
        copyLink.setDisable(!result.ok());
        copyImage.setDisable(!result.ok());
        save.setDisable(!result.ok());
    }

    private void putOnClipboard(String text, ImageView image) {
        ClipboardContent content = new ClipboardContent();
        if (text != null) {
            content.putString(text);
        } else {
            content.putImage(image.getImage());
        }
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void enlarge() {
        DepositCheck.Result shown = drawn;
        if (shown == null || !shown.ok()) {
            return;
        }
        ImageView big = new ImageView(QrImages.toImage(shown.qr()));
        big.setFitWidth(480);
        big.setPreserveRatio(true);
        Label text = new Label(DepositCheck.grouped(shown.address().address()));
        text.setAccessibleText(address.getAccessibleText());
        text.getStyleClass().add("enlarged-address");
        VBox box = new VBox(12, big, text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("enlarged-qr");
        enlarged = new Stage();
        enlarged.initOwner(getScene().getWindow()); // closes with the console, never keeps the JVM alive
        enlarged.setTitle(shown.address().currency() + " deposit address");
        Scene scene = new Scene(box);
        scene.getStylesheets().setAll(getScene().getStylesheets());
        enlarged.setScene(scene);
        enlarged.show();
    }

    private void saveAs() {
        DepositCheck.Result shown = drawn; // the code asked for, whatever is selected while the dialog is open
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("deposit-" + shown.address().network() + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            savePath.show(file.toPath());
            save(shown, Path.of(file.getPath()));
        }
    }

    /** Writes this code's image to the file, off the FX thread; a failure is told only while it is still shown. */
    void save(DepositCheck.Result shown, Path file) {
        QrCode code = shown.qr();
        runner.run(() -> {
            QrImages.savePng(code, file);
            return file;
        }, written -> { }, problem -> {
            if (result.get() == shown) {
                failure.setText("Could not save the image: " + problem.getMessage());
                failure.setVisible(true);
            }
        });
    }
}
