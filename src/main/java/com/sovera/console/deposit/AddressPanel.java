package com.sovera.console.deposit;

import com.sovera.console.chain.Network;
import com.sovera.console.ui.task.TaskRunner;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
 * network named, a testnet warning, copy, and its QR code only once every check has passed. An enlarged view
 * follows the address and closes when it changes, so it can never show a stale one.
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
    private final Button save = com.sovera.console.ui.Icons.on(new Button("_Save QR as PNG"), "fth-download");
    private final javafx.beans.property.ObjectProperty<DepositCheck.Result> result =
            new javafx.beans.property.SimpleObjectProperty<>();
    private final TaskRunner runner;
    private Stage enlarged;

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
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 6, copy, copyImage, save); // wraps when narrow
        getChildren().addAll(heading, address, warning, failure, new HBox(16, quiet, checks), actions);
        this.result.addListener((o, was, now) -> render(now));
        render(null);
        // the enlarged code is the window's: it goes when the window does
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                closeEnlarged();
            }
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
        if (result == null) {
            return;
        }
        Network network = result.network();
        heading.setText(result.heading());
        address.setText(DepositCheck.grouped(result.address().address()));
        warning.setText(result.testnetWarning());
        warning.setVisible(network != null && network.isTestnet());
        checks.getChildren().setAll(result.passed().stream().map(c -> {
            Label passed = new Label("✓ " + c);
            passed.setWrapText(true); // beside the code there is little room: on two lines, never cut
            return passed;
        }).toList());
        failure.setText(result.ok() ? "" : "Not shown as a QR code: " + result.failure());
        failure.setVisible(!result.ok());
        qr.setImage(result.ok() ? QrImages.toImage(result.qr()) : null);
        copy.setDisable(!result.ok());
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
        DepositCheck.Result shown = result.get();
        if (shown == null || !shown.ok()) {
            return;
        }
        ImageView big = new ImageView(QrImages.toImage(shown.qr()));
        big.setFitWidth(480);
        big.setPreserveRatio(true);
        Label text = new Label(DepositCheck.grouped(shown.address().address()));
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
        DepositCheck.Result shown = result.get(); // the code asked for, whatever is selected while the dialog is open
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("deposit-" + shown.address().network() + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
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
