package com.sovera.console;

import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.Health;
import com.sovera.console.platform.AppDirs;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console window. For now a first window that starts the embedded sandbox in the background, says which
 * base URL the console uses and whether it answers; the onboarding wizard and lookups grow from here.
 */
public final class ConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);

    private volatile SandboxServer sandbox;
    private volatile SovxClient client;

    @Override
    public void start(Stage stage) {
        Label environment = new Label("Local sandbox (embedded): starting...");
        environment.setId("environment");
        Label status = new Label("Checking the connection...");
        status.setId("status");
        VBox root = new VBox(12, new Label("SovX Console"), environment, status);
        root.setPadding(new Insets(24));
        stage.setTitle("SovX Console — local sandbox");
        stage.setScene(new Scene(root, 640, 200));
        stage.show();

        Task<Health> connect = new Task<>() {
            @Override
            protected Health call() {
                sandbox = SandboxServer.start(SandboxConfig.stored(AppDirs.forCurrentUser().data().resolve("sandbox")));
                client = SovxClient.builder(sandbox.baseUrl()).build();
                return client.api().health().execute();
            }
        };
        connect.setOnSucceeded(e -> {
            environment.setText("Local sandbox (embedded): " + client.baseUrl());
            status.setText("Health: " + connect.getValue().status() + ", up " + connect.getValue().uptime() + " s");
        });
        connect.setOnFailed(e -> status.setText("Cannot start: " + connect.getException().getMessage()));
        Thread worker = new Thread(connect, "console-start");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        if (client != null) {
            client.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        LOG.info("SovX Console closed");
    }
}
