package com.sovera.console.onboarding;

import com.sovera.console.deposit.AddressPanel;
import com.sovera.console.ui.ClipboardGuard;
import com.sovera.console.ui.ErrorBanner;
import com.sovera.console.ui.FieldRow;
import com.sovera.console.ui.Icons;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
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
import org.controlsfx.control.SearchableComboBox;

/** The wizard on screen: a stepper of the seven steps with what each produced, the current form, and actions. */
public final class OnboardingView extends BorderPane {

    private final OnboardingViewModel model;
    private final Map<Field, FieldRow> rows = new EnumMap<>(Field.class);
    private final Map<Step, Node> forms = new EnumMap<>(Step.class);
    private final Map<Step, Label> stepLabels = new EnumMap<>(Step.class);
    private final Map<Step, List<Node>> locks = new EnumMap<>(Step.class);
    private final VBox resumeBar = new VBox(6);
    private final ClipboardGuard clipboard;
    private final AddressPanel addressPanel = new AddressPanel();
    private final Label loginNote = new Label();
    private final Button action = new Button();

    public OnboardingView(OnboardingViewModel model, String environmentLine, ClipboardGuard clipboard) {
        this.model = model;
        this.clipboard = clipboard;
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

        Label status = new Label();
        status.setId("wizard-status");
        status.textProperty().bind(model.statusProperty());
        action.setId("wizard-action");
        action.setDefaultButton(true);
        action.setMnemonicParsing(true);
        action.textProperty().bind(Bindings.createStringBinding(() -> model.stateProperty().get().actionLabel(),
                model.stateProperty()));
        action.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.stateProperty().get().canAct(),
                model.stateProperty()));
        action.setOnAction(e -> model.act());
        Button back = Icons.on(new Button("_Back"), "fth-arrow-left");
        back.setId("wizard-back");
        back.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.stateProperty().get().canGoBack(),
                model.stateProperty()));
        back.setOnAction(e -> model.back());
        Label busy = new Label("Working...");
        busy.setId("wizard-busy");
        busy.visibleProperty().bind(model.busyProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, back, busy, gap, status, action);
        ErrorBanner errors = new ErrorBanner();
        errors.setMaxWidth(Double.MAX_VALUE);
        errors.problemProperty().bind(model.problemProperty());
        VBox bottom = new VBox(8, signInAgain(), errors, buttons);
        bottom.setPadding(new Insets(8, 0, 0, 0));
        setBottom(bottom);
        resumeBar.setId("resume-bar");
        resumeBar.getStyleClass().add("resume-bar");
        hideResume();
        setTop(resumeBar);

        model.serverFieldErrors().addListener((MapChangeListener<Field, String>) c -> {
            if (rows.containsKey(c.getKey())) {
                hint(c.getKey(), rows.get(c.getKey()));
            }
        });
        model.stepProperty().addListener((o, was, now) -> showStep(now));
        model.stateProperty().addListener((o, was, now) -> markSteps());
        addressPanel.resultProperty().bind(model.depositProperty());
        showStep(model.stepProperty().get());
    }

    /** Offers an unfinished onboarding found in the journal. */
    public void offerResume(Progress saved, Runnable onResume, Runnable onDiscard) {
        Label text = new Label("An onboarding was interrupted" + (saved.customerId() == null ? ". Resume it?"
                : " (customer " + saved.customerId() + (saved.user() == null ? "" : ", user " + saved.user().email())
                + "). Resume it? Nothing it created will be created again."));
        text.setWrapText(true);
        Button resume = Icons.on(new Button("_Resume"), "fth-play");
        resume.setId("resume");
        Button discard = Icons.on(new Button("Start _over"), "fth-rotate-ccw");
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
        resumeBar.setVisible(true);
        resumeBar.setManaged(true);
    }

    private void hideResume() {
        resumeBar.setVisible(false);
        resumeBar.setManaged(false);
    }

    /** A line above the login form, such as the embedded sandbox's demo account note. */
    public void setLoginNote(String note) {
        loginNote.setText(note);
    }

    private Node stepper() {
        VBox list = new VBox(10);
        list.setId("stepper");
        list.getStyleClass().add("stepper");
        for (Step s : Step.values()) {
            Label title = new Label();
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
        ScrollPane scroll = new ScrollPane(forms.get(step));
        scroll.setFitToWidth(true);
        scroll.setId("step-form");
        setCenter(scroll);
        markSteps();
        rows.forEach(this::hint);
        // the focused field left with its form: Enter must keep meaning "the step's action", never whichever
        // button focus fell to (Sign out is in the header)
        Platform.runLater(() -> firstInput(step).requestFocus());
    }

    private Node firstInput(Step step) {
        return locks.getOrDefault(step, List.of()).stream().filter(n -> !n.isDisabled() && n.getScene() != null)
                .findFirst().orElse(action);
    }

    /** The current step stands out, done steps are ticked, and done steps' inputs are read-only. */
    private void markSteps() {
        WizardState state = model.stateProperty().get();
        stepLabels.forEach((s, label) -> {
            label.getStyleClass().remove("current-step");
            if (s == state.step()) {
                label.getStyleClass().add("current-step");
            }
            label.setText((s.ordinal() + 1) + ". " + s.title() + (state.isDone(s) && s != state.step() ? "  ✓" : ""));
        });
        locks.forEach((s, nodes) -> nodes.forEach(n -> n.setDisable(state.isDone(s))));
    }

    private VBox form(String title, Node... children) {
        Label heading = new Label(title);
        heading.getStyleClass().add("step-heading");
        VBox box = new VBox(10, heading);
        box.getChildren().addAll(children);
        box.setPadding(new Insets(4));
        return box;
    }

    private FieldRow text(String label, Field field) {
        TextField input = field == Field.PASSWORD ? new PasswordField() : new TextField();
        input.textProperty().bindBidirectional(model.input(field));
        FieldRow row = new FieldRow(label, input, field.fxId());
        rows.put(field, row);
        model.input(field).addListener((o, was, now) -> hint(field, row));
        input.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                hint(field, row);
            }
        });
        locks.computeIfAbsent(field.step(), s -> new ArrayList<>()).add(input);
        return row;
    }

    /**
     * The server's verdict on this value while it stands; else the rule's message: red when the value breaks it
     * and something was typed, otherwise a grey hint.
     */
    private void hint(Field field, FieldRow row) {
        String server = model.serverFieldErrors().get(field);
        if (server != null) {
            row.setMessage(server, true);
            return;
        }
        String value = model.input(field).get();
        row.setMessage(model.check(field), value != null && !value.isEmpty());
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
        loginNote.setId("login-note");
        loginNote.setWrapText(true);
        return form("Log in", loginNote, text("E-mail", Field.LOGIN_EMAIL), text("Password", Field.PASSWORD),
                new Label("The session token is kept in memory only."));
    }

    private Node customer() {
        return form("Create the customer", text("Customer e-mail", Field.CUSTOMER_EMAIL),
                text("Customer id (slug)", Field.CUSTOMER_ID), text("Entity name", Field.ENTITY_NAME));
    }

    private Node credentials() {
        Label masked = new Label();
        masked.setId("secret-value");
        masked.getStyleClass().add("secret-value");
        ToggleButton reveal = Icons.on(new ToggleButton("_Reveal"), "fth-eye");
        reveal.setId("secret-reveal");
        masked.textProperty().bind(Bindings.createStringBinding(() -> {
            String key = model.secret.get();
            return key == null ? "" : reveal.isSelected() ? key : "•".repeat(key.length());
        }, model.secret, reveal.selectedProperty()));
        model.secret.addListener((o, w, n) -> reveal.setSelected(false));
        Button copy = Icons.on(new Button("C_opy key"), "fth-copy");
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
                new Label("The clipboard is cleared 60 s after copying (and when the console closes), unless it"
                        + " changed since."));
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
        ComboBox<String> type = new ComboBox<>(FXCollections.observableArrayList("individual", "business"));
        type.valueProperty().bindBidirectional(model.userType);
        FieldRow typeRow = new FieldRow("Type", type, "user_type");
        SearchableComboBox<String> country = new SearchableComboBox<>(FXCollections.observableArrayList(
                Countries.all()));
        StringPropertyCountry.bind(country, model.input(Field.COUNTRY));
        FieldRow countryRow = new FieldRow("Country", country, Field.COUNTRY.fxId());
        rows.put(Field.COUNTRY, countryRow);
        model.input(Field.COUNTRY).addListener((o, w, n) -> hint(Field.COUNTRY, countryRow));
        locks.computeIfAbsent(Step.USER, s -> new ArrayList<>()).addAll(List.of(type, country));
        return form("Create the first user", typeRow, text("E-mail", Field.USER_EMAIL),
                text("First name", Field.FIRST_NAME), text("Last name", Field.LAST_NAME),
                text("Phone (E.164)", Field.PHONE), text("Date of birth (YYYY-MM-DD)", Field.DATE_OF_BIRTH),
                countryRow);
    }

    /** The country list shows "CODE  Name"; the model holds the code. */
    private static final class StringPropertyCountry {
        static void bind(SearchableComboBox<String> box, javafx.beans.property.StringProperty code) {
            box.getSelectionModel().selectedItemProperty().addListener((o, w, n) -> {
                if (n != null) {
                    code.set(n.substring(0, 2));
                }
            });
            code.addListener((o, w, n) -> select(box, n));
            select(box, code.get());
        }

        private static void select(SearchableComboBox<String> box, String code) {
            if (code == null || code.length() != 2) {
                if (code == null || code.isEmpty()) {
                    box.getSelectionModel().clearSelection();
                }
                return;
            }
            if (box.getValue() == null || !box.getValue().startsWith(code)) {
                box.getItems().stream().filter(c -> c.startsWith(code.toUpperCase(Locale.ROOT))).findFirst()
                        .ifPresent(box.getSelectionModel()::select);
            }
        }
    }

    /**
     * Skins the forms of the steps ahead, one a frame, in a scene of their own, so that reaching a step only
     * lays it out (a first skinning of the user form costs ~60 ms on the FX thread). Call once the window shows.
     */
    public void prepareSteps() {
        Deque<Step> ahead = new ArrayDeque<>();
        for (Step s : Step.values()) {
            if (s.ordinal() > model.stepProperty().get().ordinal()) {
                ahead.add(s);
            }
        }
        prepareNext(ahead);
    }

    private void prepareNext(Deque<Step> ahead) {
        Step next = ahead.poll();
        if (next == null) {
            return;
        }
        Node form = forms.get(next);
        if (form.getScene() == null && form.getParent() == null) {
            VBox holder = new VBox(form);
            Scene scene = new Scene(holder);
            if (getScene() != null) {
                scene.getStylesheets().setAll(getScene().getStylesheets());
            }
            holder.applyCss();
            holder.layout();
            holder.getChildren().clear();
        }
        Platform.runLater(() -> prepareNext(ahead));
    }

    private Node wallet() {
        ComboBox<String> currency = new ComboBox<>(FXCollections.observableArrayList("BTC", "ETH", "USDC"));
        currency.valueProperty().bindBidirectional(model.walletCurrency);
        FieldRow currencyRow = new FieldRow("Currency", currency, "currency");
        locks.computeIfAbsent(Step.WALLET, s -> new ArrayList<>()).add(currency);
        return form("Create a wallet", text("Wallet name", Field.WALLET_NAME), currencyRow);
    }

    private Node address() {
        ComboBox<OnboardingViewModel.NetworkOption> networks = new ComboBox<>();
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
            protected void updateItem(OnboardingViewModel.NetworkOption item, boolean empty) {
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
        model.network.addListener((o, w, n) -> fill.run());
        fill.run();
        locks.computeIfAbsent(Step.ADDRESS, s -> new ArrayList<>()).add(networks);
        return form("Generate a deposit address", new FieldRow("Network", networks, "network-row"), reason,
                addressPanel);
    }

    private Node signInAgain() {
        PasswordField pw = new PasswordField();
        pw.textProperty().bindBidirectional(model.reloginPassword);
        pw.setId("relogin-password");
        Button again = Icons.on(new Button("Sign _in again"), "fth-log-in");
        again.setId("relogin");
        again.setOnAction(e -> model.signInAgain());
        again.disableProperty().bind(model.reloginPassword.isEmpty().or(model.busyProperty()));
        VBox box = new VBox(6, new Label("The session has ended. Enter the password to sign in again; the step is"
                + " then retried with what the form holds now."), new HBox(8, pw, again));
        box.setId("relogin-bar");
        box.visibleProperty().bind(model.needsSignInProperty());
        box.managedProperty().bind(model.needsSignInProperty());
        return box;
    }
}
