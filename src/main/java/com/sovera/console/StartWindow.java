package com.sovera.console;

import com.sovera.console.ui.Icons;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What start-up shows when it cannot connect: why, the administrator's policy file if it could not be used, and the
 * way to Settings to choose another environment, so that a bad saved environment never traps anyone.
 */
final class StartWindow extends VBox {

    /**
     * @param reason        why the console could not start, for the operator
     * @param policyProblem what the operator is told about a policy file that failed closed, or empty
     * @param localSandbox  whether the local sandbox is on offer (the policy may have turned it off)
     * @param settings      makes the Settings view that replaces this one's content
     */
    StartWindow(String reason, Optional<String> policyProblem, boolean localSandbox, Supplier<Node> settings) {
        setId("start-window");
        setSpacing(12);
        setPadding(new Insets(24));
        Label status = new Label(reason);
        status.setId("status");
        status.setWrapText(true);
        Label policy = new Label(policyProblem.orElse(""));
        policy.setId("start-policy-notice");
        policy.setWrapText(true);
        policy.getStyleClass().add("resume-bar");
        policy.setVisible(policyProblem.isPresent());
        policy.setManaged(policyProblem.isPresent());
        Button open = Icons.on(new Button("Open _Settings"), "fth-settings");
        open.setId("start-settings");
        getChildren().addAll(new Label("SovX Console"), policy, status, new Label(localSandbox
                ? "Choose another environment (the local sandbox always works), then Save."
                : "Choose another environment, then Save."), open);
        open.setOnAction(e -> getChildren().setAll(policy, settings.get()));
    }
}
