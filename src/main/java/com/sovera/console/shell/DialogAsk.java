package com.sovera.console.shell;

import com.sovera.console.ui.Ask;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * {@link Ask} as a dialog owned by the console's window: one button per option, the last one (the safe choice:
 * stay, keep) the default, the cancel and the focus, so a stray Space, Enter or Escape never takes another.
 */
final class DialogAsk implements Ask {

    private final Supplier<Window> owner;

    DialogAsk(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public int choose(String title, String text, List<String> options) {
        Alert alert = dialog(title, text, options);
        return alert.showAndWait().map(alert.getButtonTypes()::indexOf).orElse(-1);
    }

    /** The question, not shown yet. */
    Alert dialog(String title, String text, List<String> options) {
        List<ButtonType> buttons = options.stream().map(o -> new ButtonType(o, o.equals(options.get(options.size()
                - 1)) ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.OTHER)).toList();
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, buttons.toArray(ButtonType[]::new));
        alert.initOwner(owner.get());
        alert.setHeaderText(title);
        ButtonType safe = buttons.get(buttons.size() - 1);
        for (ButtonType type : buttons) {
            ((Button) alert.getDialogPane().lookupButton(type)).setDefaultButton(type == safe);
        }
        Button stay = (Button) alert.getDialogPane().lookupButton(safe);
        alert.setOnShown(e -> stay.requestFocus());
        return alert;
    }
}
