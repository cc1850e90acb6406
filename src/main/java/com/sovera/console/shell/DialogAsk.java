package com.sovera.console.shell;

import com.sovera.console.ui.Ask;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** {@link Ask} as a dialog owned by the console's window: one button per option, the last one the default. */
final class DialogAsk implements Ask {

    private final Supplier<Window> owner;

    DialogAsk(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public int choose(String title, String text, List<String> options) {
        List<ButtonType> buttons = options.stream().map(o -> new ButtonType(o, o.equals(options.get(options.size()
                - 1)) ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.OTHER)).toList();
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, buttons.toArray(ButtonType[]::new));
        alert.initOwner(owner.get());
        alert.setHeaderText(title);
        return alert.showAndWait().map(buttons::indexOf).orElse(-1);
    }
}
