package com.sovera.console.ui;

import java.io.InputStream;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The SovX Console icon on a window, in the sizes window managers pick from (made from assets/icon). */
public final class AppIcon {

    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcon() {
    }

    public static void addTo(Stage stage) {
        for (int size : SIZES) {
            try (InputStream in = AppIcon.class.getResourceAsStream("/com/sovera/console/icons/sovx-" + size + ".png")) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (java.io.IOException e) {
                // an icon is decoration: the window opens without it
            }
        }
    }
}
