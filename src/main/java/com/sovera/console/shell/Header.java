package com.sovera.console.shell;

import com.sovera.console.config.Environment;
import com.sovera.console.session.SessionState;
import com.sovera.console.ui.Icons;
import com.sovera.console.ui.Layouts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The band at the top that always says where this is (a green local sandbox, an amber Sovera sandbox, a red
 * production), who is signed in and for how long, and the customer in context. Colours come from the stylesheet.
 */
final class Header extends HBox {

    private final Label remaining = new Label();

    Header(Environment environment, String baseUrl, SessionState session, Runnable signOut, Node help) {
        String kind = switch (environment.kind()) {
            case EMBEDDED -> "embedded";
            case SOVERA_SANDBOX -> "sovera-sandbox";
            case CUSTOM -> "production";
        };
        setId("header");
        getStyleClass().addAll("header", "header-" + kind);
        Label badge = new Label(switch (environment.kind()) {
            case EMBEDDED -> "LOCAL SANDBOX";
            case SOVERA_SANDBOX -> "SOVERA SANDBOX";
            case CUSTOM -> "PRODUCTION";
        });
        badge.setId("environment-badge");
        badge.getStyleClass().addAll("environment-badge", "badge-" + kind);
        Label url = new Label(baseUrl);
        url.setId("environment-url");
        url.setMinWidth(120);
        Label account = new Label();
        account.setId("header-account");
        account.textProperty().bind(Bindings.when(session.accountProperty().isNull()).then("Not signed in")
                .otherwise(session.accountProperty()));
        remaining.setId("header-remaining");
        Label customer = new Label();
        customer.setId("header-customer");
        customer.textProperty().bind(Bindings.when(session.customerIdProperty().isNull()).then("")
                .otherwise(Bindings.concat("Customer: ", session.customerIdProperty())));
        // no mnemonic: Alt+a-letter must never sign out by a slip (it once shared O with Copy key)
        Button signOutButton = Icons.on(new Button("Sign out"), "fth-log-out");
        signOutButton.setMnemonicParsing(false);
        signOutButton.setId("sign-out");
        signOutButton.disableProperty().bind(session.accountProperty().isNull());
        signOutButton.setOnAction(e -> signOut.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        setSpacing(12);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(badge, url, gap, customer, account, remaining, signOutButton, help);
        Layouts.keepWhole(badge, account, remaining, signOutButton, help);
    }

    /** Shows the session's time left as of now. */
    void tick(Instant until, Clock clock) {
        if (until == null) {
            remaining.setText("");
            return;
        }
        Duration left = Duration.between(clock.instant(), until);
        remaining.setText(left.isNegative() ? "session expired"
                : String.format("session %d:%02d left", left.toMinutes(), left.toSecondsPart()));
    }
}
