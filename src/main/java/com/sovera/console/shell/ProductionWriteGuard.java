package com.sovera.console.shell;

import com.sovera.console.ui.WriteGuard;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** The first write of a session to a production-like environment asks for its host name, typed, in a dialog. */
final class ProductionWriteGuard implements WriteGuard {

    private final String host;
    private final Supplier<Window> owner;

    ProductionWriteGuard(String baseUrl, Supplier<Window> owner) {
        this.host = URI.create(baseUrl).getHost();
        this.owner = owner;
    }

    @Override
    public boolean allowWrite() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(owner.get()); // modal to the console, and closed with it
        dialog.setTitle("Write to production?");
        dialog.setHeaderText("This creates real objects at " + host + ". Type the host name to confirm.");
        dialog.getEditor().setAccessibleText("Host name, to confirm a write to production");
        Optional<String> typed = dialog.showAndWait();
        return typed.isPresent() && typed.get().trim().equalsIgnoreCase(host);
    }
}
