package com.sovera.console;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The start-up baseline of the benchmark: a bare JavaFX window (a label and a button), launched like the console
 * (a plain main class, the Application inside) in the same JVM settings, printing its JVM uptime at its first frame.
 */
public final class BareWindow {

    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The window itself. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new VBox(8, new Label("Bare window"), new Button("OK")), 1100, 760));
            stage.show();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    System.out.println("BARE ready in " + java.lang.management.ManagementFactory.getRuntimeMXBean()
                            .getUptime() + " ms");
                    System.out.flush();
                    System.exit(0);
                }
            }.start();
        }
    }
}
