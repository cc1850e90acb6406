package com.sovera.console.onboarding;

import com.sovera.console.ui.Icons;
import com.sovera.console.ui.LookupsOnly;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The band above the wizard that offers an onboarding the journal kept unfinished: resume it, or start over. */
final class ResumeBar extends VBox {

    ResumeBar() {
        super(6);
        setId("resume-bar");
        getStyleClass().add("resume-bar");
        hide();
    }

    /** Offers {@code saved}; on a lookups-only desk resuming (which goes on creating) is refused, saying why. */
    void offer(Progress saved, boolean lookupsOnly, Runnable onResume, Runnable onDiscard) {
        Label text = new Label("An onboarding was interrupted" + (saved.customerId() == null ? ". Resume it?"
                : " (customer " + saved.customerId() + (saved.user() == null ? "" : ", user " + saved.user().email())
                + "). Resume it? Nothing it created will be created again."));
        text.setWrapText(true);
        Button resume = Icons.on(new Button("_Resume"), "fth-play");
        resume.setId("resume");
        Button discard = Icons.on(new Button("Start _over"), "fth-rotate-ccw");
        discard.setId("start-over");
        resume.setOnAction(e -> {
            hide();
            onResume.run();
        });
        discard.setOnAction(e -> {
            hide();
            onDiscard.run();
        });
        HBox choices = new HBox(8, resume, discard);
        if (lookupsOnly) { // resuming goes on creating; discarding is local, and allowed
            resume.setDisable(true);
            SimpleBooleanProperty refused = new SimpleBooleanProperty(true);
            LookupsOnly.explain(refused, resume);
            choices.getChildren().add(LookupsOnly.reason("resume-lookups-only", refused));
        }
        getChildren().setAll(text, choices);
        setVisible(true);
        setManaged(true);
    }

    private void hide() {
        setVisible(false);
        setManaged(false);
    }
}
