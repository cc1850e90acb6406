package com.sovera.console.deposit;

import com.sovera.console.ui.Focus;
import com.sovera.console.ui.Icons;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The address panel's <em>Read back</em> mode: a button that opens and closes it (Alt+V), and when open the asset and network in words, the
 * address group by group with each character as a word, and the field where the operator types what the customer
 * reads back, judged as they type. Enter in that field does nothing: it is no step's action.
 */
final class ReadBackPane extends VBox {

    private static final String[] KIND_CLASSES = {"read-back-match", "read-back-differs"};

    private final ReadBackViewModel model;
    // a button that opens and closes the mode (its mnemonic fires it like any button)
    private final Button toggle = Icons.on(new Button("_Verify by reading back"), "fth-phone");
    private final Label asset = new Label();
    private final GridPane groups = new GridPane();
    private final TextField heard = new TextField();
    private final Label verdict = new Label();
    private final VBox content;

    ReadBackPane(ReadBackViewModel model) {
        super(6);
        this.model = model;
        toggle.setId("read-back-toggle");
        toggle.textProperty().bind(javafx.beans.binding.Bindings.when(model.openProperty())
                .then("Close the read-back (Alt+_V)").otherwise("_Verify by reading back"));
        toggle.disableProperty().bind(model.addressProperty().isNull());
        toggle.setOnAction(e -> {
            model.openProperty().set(!model.openProperty().get());
            opened();
        });
        asset.setId("read-back-asset");
        asset.getStyleClass().add("read-back-asset");
        asset.setWrapText(true);
        groups.setId("read-back-groups");
        groups.getStyleClass().add("read-back-groups");
        heard.setId("read-back-heard");
        heard.getStyleClass().add("read-back-heard");
        heard.setPromptText("Type what the customer reads back");
        heard.textProperty().bindBidirectional(model.heardProperty());
        // Enter is no action here: neither the wizard's default button nor a jump of the focus
        heard.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
            }
        });
        Label heardLabel = new Label("Heard from the customer:");
        heardLabel.setLabelFor(heard);
        verdict.setId("read-back-verdict");
        verdict.getStyleClass().add("read-back-verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(Bindings.createStringBinding(() -> model.verdictProperty().get().message(),
                model.verdictProperty()));
        heard.accessibleHelpProperty().bind(verdict.textProperty()); // the verdict is about the field: said with it
        model.verdictProperty().addListener((o, was, now) -> look(now.kind()));
        content = new VBox(6, asset, groups, heardLabel, heard, verdict);
        content.setId("read-back");
        content.getStyleClass().add("read-back");
        content.visibleProperty().bind(model.openProperty());
        content.managedProperty().bind(model.openProperty());
        model.addressProperty().addListener((o, was, now) -> fill(now));
        model.openProperty().addListener((o, was, open) -> {
            if (open) {
                fillGroups(model.addressProperty().get());
            }
        });
        fill(model.addressProperty().get());
        getChildren().addAll(toggle, content);
    }

    /** The operator opened the mode: their next keys are what the customer reads back. */
    private void opened() {
        if (model.openProperty().get()) {
            Focus.moveAfterLayout(this, () -> Optional.of(heard));
        } else if (getScene() != null && getScene().getFocusOwner() != null
                && Focus.isInside(getScene().getFocusOwner(), content)) {
            toggle.requestFocus(); // the field just went: the focus stays where the operator is
        }
    }

    private void fill(ReadBack readBack) {
        asset.setText(readBack == null ? "" : readBack.assetAndNetwork());
        groups.getChildren().clear();
        if (model.openProperty().get()) {
            fillGroups(readBack);
        }
    }

    /**
     * The groups, three labels each, made when the mode is open: made with every address shown, the 30-odd labels
     * of an address were most of the address panel's first styling, in the frame that shows the address (issue 22).
     */
    private void fillGroups(ReadBack readBack) {
        groups.getChildren().clear();
        if (readBack == null) {
            return;
        }
        for (ReadBack.Group g : readBack.groups()) {
            Label number = new Label(String.valueOf(g.number()));
            number.getStyleClass().add("read-back-number");
            Label text = new Label(g.text());
            text.getStyleClass().add("read-back-group");
            Label words = new Label(g.spoken());
            words.getStyleClass().add("read-back-words");
            words.setWrapText(true);
            groups.addRow(g.number() - 1, number, text, words);
        }
    }

    private void look(ReadBack.Kind kind) {
        verdict.getStyleClass().removeAll(KIND_CLASSES);
        switch (kind) {
            case ALL_MATCH -> verdict.getStyleClass().add("read-back-match");
            case DIFFERS, CASE_ONLY -> verdict.getStyleClass().add("read-back-differs");
            default -> { }
        }
    }
}
