package com.sovera.console.shell;

import com.sovera.console.ui.Icons;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/**
 * The navigation down the window's side: a button per view, the view made when first asked for, and which view is
 * shown now (by its id, saved to reopen it at the next start).
 */
final class Navigation {

    static final String ONBOARDING = "nav-onboarding";

    private final Map<String, ToggleButton> views = new LinkedHashMap<>();
    private final ToggleGroup group = new ToggleGroup();
    private final StringProperty current = new SimpleStringProperty(ONBOARDING);
    private final Consumer<Node> show;

    /** {@code show} puts a view in the window. */
    Navigation(Consumer<Node> show) {
        this.show = show;
    }

    ToggleButton add(String text, String id, String icon, Supplier<Node> view) {
        ToggleButton b = Icons.on(new ToggleButton(text), icon);
        views.put(id, b);
        b.setId(id);
        b.setToggleGroup(group);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> {
            b.setSelected(true);
            current.set(id);
            show.accept(view.get());
        });
        return b;
    }

    /** Shows a view by its id; unknown ids are ignored. */
    void show(String id) {
        ToggleButton b = views.get(id);
        if (b != null) {
            b.fire();
        }
    }

    /** The id of the view shown. */
    String current() {
        return current.get();
    }

    ReadOnlyStringProperty currentProperty() {
        return current;
    }

    /** The views' mnemonics, for the help's list of shortcuts: "Alt+N", "Onboarding". */
    List<String[]> mnemonics() {
        return views.values().stream().filter(b -> b.isMnemonicParsing() && b.getText().contains("_"))
                .map(b -> new String[] {"Alt+" + Character.toUpperCase(b.getText().charAt(b.getText().indexOf('_')
                        + 1)), b.getText().replace("_", "")}).toList();
    }

    /** The buttons, one under the other. */
    Node box() {
        VBox box = new VBox(6);
        box.getStyleClass().add("navigation");
        group.getToggles().forEach(t -> box.getChildren().add((ToggleButton) t));
        return box;
    }
}
