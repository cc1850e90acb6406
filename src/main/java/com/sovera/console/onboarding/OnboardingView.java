package com.sovera.console.onboarding;

import com.sovera.console.deposit.AddressPanel;
import com.sovera.console.ui.ClipboardGuard;
import com.sovera.console.ui.ErrorBanner;
import com.sovera.console.ui.FieldRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.SearchableComboBox;

/** The wizard on screen: a stepper of the seven steps with what each produced, the current form, and actions. */
public final class OnboardingView extends BorderPane {

    private final OnboardingModel model;
    private final Map<String, FieldRow> rows = new HashMap<>();
    private final Map<Step, Node> forms = new HashMap<>();
    private final Map<Step, Label> stepLabels = new HashMap<>();
    private final Map<Step, List<Node>> locks = new HashMap<>();
    private final ErrorBanner errors = new ErrorBanner();
    private final Label status = new Label();
    private final VBox resumeBar = new VBox(6);
    private final ClipboardGuard clipboard = new ClipboardGuard(Duration.seconds(60));
    private final AddressPanel addressPanel = new AddressPanel();
    private final Button action = new Button();
    private final Button back = com.sovera.console.ui.Icons.on(new Button("_Back"), "fth-arrow-left");
    private final StringProperty loginNote = new javafx.beans.property.SimpleStringProperty("");

    public OnboardingView(OnboardingModel model, String environmentLine) {
        this.model = model;
        setId("onboarding");
        setPadding(new Insets(12));
        forms.put(Step.CONNECTIVITY, connectivity(environmentLine));
        forms.put(Step.LOGIN, login());
        forms.put(Step.CUSTOMER, customer());
        forms.put(Step.CREDENTIALS, credentials());
        forms.put(Step.USER, user());
        forms.put(Step.WALLET, wallet());
        forms.put(Step.ADDRESS, address());
        setLeft(stepper());

        status.setId("wizard-status");
        status.textProperty().bind(model.statusProperty());
        action.setId("wizard-action");
        action.setDefaultButton(true);
        action.setMnemonicParsing(true);
        action.disableProperty().bind(model.canAct().not());
        action.setOnAction(e -> model.act());
        back.setId("wizard-back");
        back.disableProperty().bind(model.busyProperty().or(model.stepProperty().isEqualTo(Step.CONNECTIVITY)));
        back.setOnAction(e -> model.back());
        Label busy = new Label("Working...");
        busy.setId("wizard-busy");
        busy.visibleProperty().bind(model.busyProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, back, busy, gap, status, action);
        errors.setMaxWidth(Double.MAX_VALUE);
        VBox bottom = new VBox(8, signInAgain(), errors, buttons);
        bottom.setPadding(new Insets(8, 0, 0, 0));
        setBottom(bottom);
        resumeBar.setId("resume-bar");
        resumeBar.setVisible(false);
        resumeBar.setManaged(false);
        setTop(resumeBar);

        model.problemProperty().addListener((o, was, now) -> errors.show(now));
        model.serverFieldErrors().addListener((javafx.collections.MapChangeListener<String, String>) c -> {
            if (c.wasAdded() && rows.containsKey(c.getKey())) {
                rows.get(c.getKey()).setMessage(c.getValueAdded(), true);
            }
        });
        model.stepProperty().addListener((o, was, now) -> showStep(now));
        model.depositProperty().addListener((o, was, now) -> {
            addressPanel.show(now);
            action.setText(actionText(model.stepProperty().get()));
        });
        showStep(model.stepProperty().get());
    }

    /** Offers an unfinished onboarding found in the journal. */
    public void offerResume(Progress saved, Runnable onResume, Runnable onDiscard) {
        Label text = new Label("An onboarding was interrupted" + (saved.customerId == null ? "."
                : " (customer " + saved.customerId + (saved.userEmail == null ? "" : ", user " + saved.userEmail)
                + "). Resume it? Nothing it created will be created again."));
        text.setWrapText(true);
        Button resume = com.sovera.console.ui.Icons.on(new Button("_Resume"), "fth-play");
        resume.setId("resume");
        Button discard = com.sovera.console.ui.Icons.on(new Button("Start _over"), "fth-rotate-ccw");
        discard.setId("start-over");
        resume.setOnAction(e -> {
            hideResume();
            onResume.run();
        });
        discard.setOnAction(e -> {
            hideResume();
            onDiscard.run();
        });
        resumeBar.getChildren().setAll(text, new HBox(8, resume, discard));
        resumeBar.getStyleClass().add("resume-bar");
        resumeBar.setVisible(true);
        resumeBar.setManaged(true);
    }

    private void hideResume() {
        resumeBar.setVisible(false);
        resumeBar.setManaged(false);
    }

    private Node stepper() {
        VBox list = new VBox(10);
        list.setId("stepper");
        list.setPadding(new Insets(0, 16, 0, 0));
        list.setPrefWidth(230);
        for (Step s : Step.values()) {
            Label title = new Label((s.ordinal() + 1) + ". " + s.title());
            title.setId("step-" + s.name().toLowerCase(Locale.ROOT));
            Label produced = new Label();
            produced.setId("summary-" + s.name().toLowerCase(Locale.ROOT));
            produced.textProperty().bind(model.summary(s));
            produced.setWrapText(true);
            produced.getStyleClass().add("step-summary");
            stepLabels.put(s, title);
            list.getChildren().add(new VBox(2, title, produced));
        }
        return list;
    }

    private void showStep(Step step) {
        stepLabels.forEach((s, label) -> {
            label.setStyle(s == step ? "-fx-font-weight: bold; -fx-underline: true;" : "");
            label.setText((s.ordinal() + 1) + ". " + s.title() + (model.isDone(s) && s != step ? "  ✓" : ""));
        });
        locks.forEach((s, nodes) -> nodes.forEach(n -> n.setDisable(model.isDone(s))));
        action.setText(actionText(step));
        ScrollPane scroll = new ScrollPane(forms.get(step));
        scroll.setFitToWidth(true);
        scroll.setId("step-form");
        setCenter(scroll);
        refreshRows();
    }

    private String actionText(Step step) {
        if (step == Step.CREDENTIALS && model.secret.get() != null) {
            return "_Continue";
        }
        if (step == Step.ADDRESS && model.isDone(Step.ADDRESS)) {
            return model.depositProperty().get() != null && model.depositProperty().get().ok()
                    ? "_New onboarding" : "_Verify again";
        }
        return model.isDone(step) && step != Step.CONNECTIVITY && step != Step.ADDRESS ? "_Next" : "_" + step.action();
    }

    private void refreshRows() {
        rows.forEach((field, row) -> hint(field, row));
    }

    private VBox form(String title, Node... children) {
        Label heading = new Label(title);
        heading.getStyleClass().add("step-heading");
        heading.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        VBox box = new VBox(10, heading);
        box.getChildren().addAll(children);
        box.setPadding(new Insets(4));
        return box;
    }

    private FieldRow text(Step step, String label, String field, StringProperty value, boolean secretInput) {
        TextField input = secretInput ? new PasswordField() : new TextField();
        input.textProperty().bindBidirectional(value);
        FieldRow row = new FieldRow(label, input, field);
        rows.put(field, row);
        value.addListener((o, was, now) -> hint(field, row));
        input.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                hint(field, row);
            }
        });
        locks.computeIfAbsent(step, s -> new ArrayList<>()).add(input);
        return row;
    }

    /** The rule's message: red when the value breaks it and something was typed, otherwise a grey hint. */
    private void hint(String field, FieldRow row) {
        String fault = model.check(field);
        boolean typed = row.input() instanceof TextField t && !t.getText().isEmpty();
        row.setMessage(fault == null ? null : fault, typed);
    }

    private Node connectivity(String environmentLine) {
        Label env = new Label(environmentLine);
        env.setId("connectivity-environment");
        env.setWrapText(true);
        Label result = new Label();
        result.setId("connectivity-result");
        result.textProperty().bind(model.summary(Step.CONNECTIVITY));
        return form("Test connectivity", new Label("GET /health confirms the base URL answers before any credential"
                + " is used."), env, result);
    }

    private Node login() {
        Label note = new Label();
        note.setId("login-note");
        note.setWrapText(true);
        note.textProperty().bind(loginNote);
        return form("Log in", note, text(Step.LOGIN, "E-mail", "login_email", model.loginEmail, false),
                text(Step.LOGIN, "Password", "password", model.password, true),
                new Label("The session token is kept in memory only."));
    }

    /** A line above the login form, such as the embedded sandbox's demo account note. */
    public void setLoginNote(String note) {
        loginNote.set(note);
    }

    private Node customer() {
        return form("Create the customer",
                text(Step.CUSTOMER, "Customer e-mail", "customer_email", model.customerEmail, false),
                text(Step.CUSTOMER, "Customer id (slug)", "customer_id", model.customerId, false),
                text(Step.CUSTOMER, "Entity name", "entity_name", model.entityName, false));
    }

    private Node credentials() {
        Label masked = new Label();
        masked.setId("secret-value");
        masked.setStyle("-fx-font-family: 'monospace'; -fx-font-size: 15px;");
        ToggleButton reveal = com.sovera.console.ui.Icons.on(new ToggleButton("_Reveal"), "fth-eye");
        reveal.setId("secret-reveal");
        Runnable refresh = () -> {
            String key = model.secret.get();
            masked.setText(key == null ? "" : reveal.isSelected() ? key : "•".repeat(key.length() - 4)
                    + key.substring(key.length() - 4).replaceAll(".", "•"));
        };
        reveal.selectedProperty().addListener((o, w, n) -> refresh.run());
        model.secret.addListener((o, w, n) -> {
            reveal.setSelected(false);
            refresh.run();
            action.setText(actionText(Step.CREDENTIALS));
        });
        Button copy = com.sovera.console.ui.Icons.on(new Button("C_opy key"), "fth-copy");
        copy.setId("secret-copy");
        copy.setOnAction(e -> clipboard.copySecret(model.secret.get()));
        TextField confirm = new TextField();
        confirm.textProperty().bindBidirectional(model.lastFour);
        FieldRow confirmRow = new FieldRow("Type the key's last four characters to confirm you stored it",
                confirm, "secret-confirm");
        HBox keyRow = new HBox(8, masked, reveal, copy);
        Label once = new Label("The owner key (x-api-key) is shown once. Store it in the customer's vault now;"
                + " the console keeps it in memory only.");
        once.setWrapText(true);
        VBox shown = new VBox(8, once, keyRow, confirmRow,
                new Label("The clipboard is cleared 60 s after copying, unless it changed since."));
        shown.visibleProperty().bind(model.secret.isNotNull());
        shown.managedProperty().bind(model.secret.isNotNull());
        Label lost = new Label("The key minted before the interruption was never stored by the console: mint a new"
                + " one (the old one keeps working wherever it was stored).");
        lost.setId("key-lost");
        lost.setWrapText(true);
        lost.visibleProperty().bind(model.keyLostProperty());
        lost.managedProperty().bind(model.keyLostProperty());
        return form("Generate API credentials", lost, shown);
    }

    private Node user() {
        ComboBox<String> type = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("individual",
                "business"));
        type.valueProperty().bindBidirectional(model.userType);
        FieldRow typeRow = new FieldRow("Type", type, "user_type");
        SearchableComboBox<String> country = new SearchableComboBox<>(javafx.collections.FXCollections
                .observableArrayList(countries()));
        country.setId("country");
        country.getSelectionModel().selectedItemProperty().addListener((o, w, n) -> {
            if (n != null) {
                model.country.set(n.substring(0, 2));
            }
        });
        model.country.addListener((o, w, n) -> {
            if (n != null && n.length() == 2 && (country.getValue() == null || !country.getValue().startsWith(n))) {
                countries().stream().filter(c -> c.startsWith(n.toUpperCase(Locale.ROOT))).findFirst()
                        .ifPresent(country.getSelectionModel()::select);
            }
        });
        FieldRow countryRow = new FieldRow("Country", country, "country");
        rows.put("country", countryRow);
        model.country.addListener((o, w, n) -> hint("country", countryRow));
        locks.computeIfAbsent(Step.USER, s -> new ArrayList<>()).addAll(List.of(type, country));
        return form("Create the first user", typeRow,
                text(Step.USER, "E-mail", "email", model.userEmail, false),
                text(Step.USER, "First name", "first_name", model.firstName, false),
                text(Step.USER, "Last name", "last_name", model.lastName, false),
                text(Step.USER, "Phone (E.164)", "phone", model.phone, false),
                text(Step.USER, "Date of birth (YYYY-MM-DD)", "date_of_birth", model.dateOfBirth, false),
                countryRow);
    }

    /**
     * Skins the forms of the steps ahead, one a frame, in a scene of their own, so that reaching a step only
     * lays it out (a first skinning of the user form costs ~60 ms on the FX thread). Call once the window shows.
     */
    public void prepareSteps() {
        java.util.Deque<Step> ahead = new java.util.ArrayDeque<>();
        for (Step s : Step.values()) {
            if (s.ordinal() > model.stepProperty().get().ordinal()) {
                ahead.add(s);
            }
        }
        prepareNext(ahead);
    }

    private void prepareNext(java.util.Deque<Step> ahead) {
        Step next = ahead.poll();
        if (next == null) {
            return;
        }
        Node form = forms.get(next);
        if (form.getScene() == null && form.getParent() == null) {
            VBox holder = new VBox(form);
            javafx.scene.Scene scene = new javafx.scene.Scene(holder);
            if (getScene() != null) {
                scene.getStylesheets().setAll(getScene().getStylesheets());
            }
            holder.applyCss();
            holder.layout();
            holder.getChildren().clear();
        }
        javafx.application.Platform.runLater(() -> prepareNext(ahead));
    }

    static List<String> countries() {
        return Countries.all();
    }

    private Node wallet() {
        ComboBox<String> currency = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("BTC",
                "ETH", "USDC"));
        currency.valueProperty().bindBidirectional(model.walletCurrency);
        FieldRow currencyRow = new FieldRow("Currency", currency, "currency");
        locks.computeIfAbsent(Step.WALLET, s -> new ArrayList<>()).add(currency);
        return form("Create a wallet", text(Step.WALLET, "Wallet name", "name", model.walletName, false),
                currencyRow);
    }

    private Node address() {
        ComboBox<OnboardingModel.NetworkOption> networks = new ComboBox<>();
        networks.setId("network");
        Label reason = new Label();
        reason.setId("network-reason");
        reason.setWrapText(true);
        Runnable fill = () -> {
            networks.getItems().setAll(model.networkOptions());
            networks.getItems().stream().filter(o -> o.id().equals(model.network.get())).findFirst()
                    .ifPresent(networks.getSelectionModel()::select);
            reason.setText(model.networkOptions().stream().filter(o -> !o.enabled())
                    .map(o -> o.id() + " is disabled: " + o.reason()).reduce((a, b) -> a + "\n" + b).orElse(""));
        };
        networks.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(OnboardingModel.NetworkOption item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
                setDisable(item != null && !item.enabled());
            }
        });
        networks.getSelectionModel().selectedItemProperty().addListener((o, w, n) -> {
            if (n != null && n.enabled()) {
                model.network.set(n.id());
            } else if (n != null) {
                fill.run();
            }
        });
        model.walletCurrency.addListener((o, w, n) -> fill.run());
        fill.run();
        locks.computeIfAbsent(Step.ADDRESS, s -> new ArrayList<>()).add(networks);
        return form("Generate a deposit address", new FieldRow("Network", networks, "network-row"), reason,
                addressPanel);
    }

    private Node signInAgain() {
        PasswordField pw = new PasswordField();
        pw.textProperty().bindBidirectional(model.reloginPassword);
        pw.setId("relogin-password");
        Button again = com.sovera.console.ui.Icons.on(new Button("Sign _in again"), "fth-log-in");
        again.setId("relogin");
        again.setOnAction(e -> model.signInAgain());
        again.disableProperty().bind(model.reloginPassword.isEmpty().or(model.busyProperty()));
        VBox box = new VBox(6, new Label("The session has ended. Enter the password to sign in again; the step is"
                + " then retried with everything you typed."), new HBox(8, pw, again));
        box.setId("relogin-bar");
        box.visibleProperty().bind(model.needsSignInProperty());
        box.managedProperty().bind(model.needsSignInProperty());
        return box;
    }
}
