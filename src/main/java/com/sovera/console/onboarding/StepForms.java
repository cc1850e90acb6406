package com.sovera.console.onboarding;

import com.sovera.console.ui.FieldRow;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;

/**
 * What the wizard's step views share: the typed fields (with their hints) and the controls each step locks once
 * its work is done, which the wizard's view reads for the focus and the marks.
 */
final class StepForms {

    final OnboardingViewModel model;
    final Map<Field, FieldRow> rows = new EnumMap<>(Field.class);
    final Map<Step, List<Node>> locks = new EnumMap<>(Step.class);

    StepForms(OnboardingViewModel model) {
        this.model = model;
    }

    /** These controls are read-only once the step is done. */
    void lock(Step step, Node... nodes) {
        locks.computeIfAbsent(step, s -> new ArrayList<>()).addAll(List.of(nodes));
    }

    VBox form(String title, Node... children) {
        Label heading = new Label(title);
        heading.getStyleClass().add("step-heading");
        VBox box = new VBox(10, heading);
        box.getChildren().addAll(children);
        box.setPadding(new Insets(4));
        return box;
    }

    FieldRow text(String label, Field field) {
        TextField input = field == Field.PASSWORD ? new PasswordField() : new TextField();
        input.textProperty().bindBidirectional(model.input(field));
        FieldRow row = new FieldRow(label, input, field.fxId());
        rows.put(field, row);
        model.input(field).addListener((o, was, now) -> hint(field, row));
        input.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                hint(field, row);
            }
        });
        lock(field.step(), input);
        return row;
    }

    /**
     * The server's verdict on this value while it stands; else the rule's message: red when the value breaks it
     * and something was typed, otherwise a grey hint.
     */
    void hint(Field field, FieldRow row) {
        String server = model.serverFieldErrors().get(field);
        if (server != null) {
            row.setMessage(server, true);
            return;
        }
        String value = model.input(field).get();
        row.setMessage(model.check(field), value != null && !value.isEmpty());
    }

    /** New or existing: two joined toggle buttons bound to the step's origin. */
    Node origin(ObjectProperty<OnboardingViewModel.Origin> origin, String newText, String existingText, String id,
                Step step) {
        ToggleButton fresh = new ToggleButton(newText);
        fresh.setId(id + "-new");
        ToggleButton existing = new ToggleButton(existingText);
        existing.setId(id + "-existing");
        SegmentedButton both = new SegmentedButton(fresh, existing);
        Runnable show = () -> {
            fresh.setSelected(origin.get() == OnboardingViewModel.Origin.NEW);
            existing.setSelected(origin.get() == OnboardingViewModel.Origin.EXISTING);
        };
        fresh.setOnAction(e -> {
            origin.set(OnboardingViewModel.Origin.NEW);
            show.run();
        });
        existing.setOnAction(e -> {
            origin.set(OnboardingViewModel.Origin.EXISTING);
            show.run();
        });
        origin.addListener((o, was, now) -> show.run());
        show.run();
        lock(step, fresh, existing);
        return both;
    }

    static <T> Node shownFor(Node node, ObservableValue<T> value, T shown) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(() -> shown.equals(value.getValue()), value));
        node.managedProperty().bind(node.visibleProperty());
        return node;
    }

    /**
     * Builds, skins and styles each of these forms, one per FX event (a pulse can come between them), hidden in
     * the page that will show it: its controls' skins are made, and the window's styles for them are matched and
     * computed at the window's text size, in the scene's style caches. Reaching its step then restyles it from
     * those caches. (A scene of its own, as before, made the skins but left every style to be worked out again in
     * the window: the first CSS pass of a step was 20-30 ms of a 60 ms frame.) While the wizard is not on screen,
     * it waits for it.
     */
    static void warmUp(Deque<Step> ahead, Function<Step, Node> form, Pane page) {
        if (ahead.isEmpty()) {
            return;
        }
        if (page.getScene() == null) {
            page.sceneProperty().addListener(new ChangeListener<Scene>() {
                @Override
                public void changed(ObservableValue<? extends Scene> o, Scene was, Scene now) {
                    if (now != null) {
                        page.sceneProperty().removeListener(this);
                        Platform.runLater(() -> warmUp(ahead, form, page));
                    }
                }
            });
            return;
        }
        try {
            prepareHidden(form.apply(ahead.poll()), page);
        } finally { // the forms after one that failed are still prepared
            Platform.runLater(() -> warmUp(ahead, form, page));
        }
    }

    /** Skins, styles and lays out a form not on screen yet inside the page, hidden, then takes it out again. */
    private static void prepareHidden(Node built, Pane page) {
        if (built.getParent() != null) {
            return; // shown already
        }
        boolean visible = built.isVisible();
        boolean managed = built.isManaged();
        built.setVisible(false);
        built.setManaged(false);
        page.getChildren().add(built);
        try {
            built.applyCss();
            if (built instanceof Parent parent) {
                double width = page.getWidth();
                parent.resize(width, parent.prefHeight(width));
                parent.layout();
            }
        } finally { // a form that failed to prepare is still shown whole when its step comes
            page.getChildren().remove(built);
            built.setManaged(managed);
            built.setVisible(visible);
        }
    }
}
