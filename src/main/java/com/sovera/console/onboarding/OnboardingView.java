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
    private static final javafx.css.PseudoClass WAITING = javafx.css.PseudoClass.getPseudoClass("waiting");
    private final String environmentLine;

    public OnboardingView(OnboardingViewModel model, String environmentLine, ClipboardGuard clipboard) {
        this.model = model;
        this.clipboard = clipboard;
        setId("onboarding");
        setPadding(new Insets(12));
        this.environmentLine = environmentLine;
        setLeft(stepper());

        Label status = new Label();
        status.setId("wizard-status");
        status.textProperty().bind(model.statusProperty());
        action.setId("wizard-action");
        action.setDefaultButton(true);
        action.setMnemonicParsing(true);
        action.textProperty().bind(Bindings.createStringBinding(() -> model.stateProperty().get().actionLabel(),
                model.stateProperty()));
        // enabled while a call is out (greyed by the theme, inert in the model): a disabled focused button hands the
        // focus to the next one, which can be the header's Sign out, where Enter would then land
        action.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.stateProperty().get().inputsReady(),
                model.stateProperty()));
        model.stateProperty().addListener((o, was, now) -> action.pseudoClassStateChanged(WAITING, now.waiting()));
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
    /** The deposit address step waits for the customer's deposit (see {@link AddressPanel#watchDeposits}). */
    public void watchDeposits(com.sovera.console.deposit.DepositWatching watching) {
        addressPanel.watchDeposits(watching);
    }

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

    /**
     * A step's form, built when first needed: the first frame builds only the step it shows, the others follow
     * while the operator reads ({@link #prepareSteps()}).
     */
    private Node form(Step step) {
        Node form = forms.get(step);
        if (form == null) {
            form = switch (step) {
                case CONNECTIVITY -> connectivity(environmentLine);
                case LOGIN -> login();
                case CUSTOMER -> customer();
                case CREDENTIALS -> credentials();
                case USER -> user();
                case WALLET -> wallet();
                case ADDRESS -> address();
            };
            forms.put(step, form);
            markSteps();
        }
        return form;
    }

    private void showStep(Step step) {
        ScrollPane scroll = new ScrollPane(form(step));
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
        return locks.getOrDefault(step, List.of()).stream().filter(n -> !n.isDisabled() && n.getScene() != null
                && shown(n)).findFirst().orElse(action);
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
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
        // a focused field about to be locked hands the focus to the action first: left to itself, JavaFX moves it
        // to the next focusable node, which can be the header's Sign out, and Enter would then sign out
        Node focused = getScene() == null ? null : getScene().getFocusOwner();
        locks.forEach((s, nodes) -> {
            if (state.isDone(s) && focused != null && nodes.contains(focused)) {
                action.requestFocus();
            }
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
        VBox created = new VBox(10, text("Customer e-mail", Field.CUSTOMER_EMAIL),
                text("Customer id (slug)", Field.CUSTOMER_ID), text("Entity name", Field.ENTITY_NAME));
        TextField id = new TextField();
        id.textProperty().bindBidirectional(model.existingCustomerId);
        id.setPromptText("customer id");
        var suggestions = org.controlsfx.control.textfield.TextFields.bindAutoCompletion(id, request ->
                model.picker().customers().stream().filter(c -> c.contains(request.getUserText().strip())).limit(20)
                        .toList());
        // a click elsewhere closes the suggestions and still does what it was for (Use customer, say)
        suggestions.getAutoCompletionPopup().setConsumeAutoHidingEvents(false);
        Label typed = new Label();
        typed.setId("existing-customer-note");
        typed.textProperty().bind(model.picker().customersNoteProperty());
        typed.visibleProperty().bind(model.picker().customersNoteProperty().isNotEmpty());
        typed.managedProperty().bind(typed.visibleProperty());
        VBox existing = new VBox(6, new FieldRow("Customer id (type to search the account's customers)", id,
                "existing-customer"), typed);
        locks.computeIfAbsent(Step.CUSTOMER, s -> new ArrayList<>()).add(id);
        return form("The customer", origin(model.customerOrigin, "New customer", "Existing customer", "customer",
                Step.CUSTOMER), shownFor(created, model.customerOrigin, OnboardingViewModel.Origin.NEW),
                shownFor(existing, model.customerOrigin, OnboardingViewModel.Origin.EXISTING));
    }

    /** New or existing: two joined toggle buttons bound to the step's origin. */
    private Node origin(javafx.beans.property.ObjectProperty<OnboardingViewModel.Origin> origin, String newText,
                        String existingText, String id, Step step) {
        ToggleButton fresh = new ToggleButton(newText);
        fresh.setId(id + "-new");
        ToggleButton existing = new ToggleButton(existingText);
        existing.setId(id + "-existing");
        org.controlsfx.control.SegmentedButton both = new org.controlsfx.control.SegmentedButton(fresh, existing);
        Runnable show = () -> {
            fresh.setSelected(origin.get() == OnboardingViewModel.Origin.NEW);
            existing.setSelected(origin.get() == OnboardingViewModel.Origin.EXISTING);
        };
        fresh.setOnAction(e -> {
            origin.set(OnboardingViewModel.Origin.NEW);
            show.run();
        });
        existing.setOnAction(e -> {
            origin.set(OnboardingViewModel.Origin.EXISTING);
            show.run();
        });
        origin.addListener((o, was, now) -> show.run());
        show.run();
        locks.computeIfAbsent(step, s -> new ArrayList<>()).addAll(List.of(fresh, existing));
        return both;
    }

    private static <T> Node shownFor(Node node, javafx.beans.value.ObservableValue<T> value, T shown) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(() -> shown.equals(value.getValue()), value));
        node.managedProperty().bind(node.visibleProperty());
        return node;
    }

    private Node credentials() {
        // the ids of the wizard's key controls predate the shared control: secret-value, -reveal, -copy, -confirm
        com.sovera.console.ui.OwnerKeyReveal shown = new com.sovera.console.ui.OwnerKeyReveal(model.secret,
                model.lastFour, clipboard, "secret");
        Label lost = new Label("The key minted before the interruption was never stored by the console: mint a new"
                + " one (the old one keeps working wherever it was stored).");
        lost.setId("key-lost");
        lost.setWrapText(true);
        lost.visibleProperty().bind(model.keyLostProperty());
        lost.managedProperty().bind(model.keyLostProperty());
        return form("API credentials", lost, keySources(), shown);
    }

    /** For an existing customer: mint a new key, paste one, or take the one remembered in the keychain. */
    private Node keySources() {
        ToggleButton mint = new ToggleButton("Mint a new key");
        mint.setId("key-mint");
        ToggleButton paste = new ToggleButton("Paste a key");
        paste.setId("key-paste");
        ToggleButton keychain = new ToggleButton("From the keychain");
        keychain.setId("key-keychain");
        org.controlsfx.control.SegmentedButton sources = new org.controlsfx.control.SegmentedButton(mint, paste,
                keychain);
        Map<OnboardingViewModel.KeySource, ToggleButton> buttons = Map.of(OnboardingViewModel.KeySource.MINT, mint,
                OnboardingViewModel.KeySource.PASTE, paste, OnboardingViewModel.KeySource.KEYCHAIN, keychain);
        Runnable show = () -> buttons.forEach((source, b) -> b.setSelected(model.keySource.get() == source));
        buttons.forEach((source, b) -> b.setOnAction(e -> {
            model.keySource.set(source);
            show.run();
        }));
        model.keySource.addListener((o, was, now) -> show.run());
        show.run();
        Label keychainReason = new Label();
        keychainReason.setId("keychain-reason");
        keychainReason.setWrapText(true);
        Runnable greyed = () -> {
            keychain.setDisable(!model.keychainOffered());
            keychainReason.setText(model.keychainReason()); // greyed, and says why
            keychainReason.setVisible(!keychainReason.getText().isEmpty());
            keychainReason.setManaged(keychainReason.isVisible());
        };
        greyed.run();
        model.stateProperty().addListener((o, was, now) -> greyed.run());
        PasswordField pasted = new PasswordField();
        pasted.textProperty().bindBidirectional(model.pastedKey);
        FieldRow pasteRow = new FieldRow("The customer's owner key (x-api-key); the server checks it before use",
                pasted, "pasted-key");
        shownFor(pasteRow, model.keySource, OnboardingViewModel.KeySource.PASTE);
        locks.computeIfAbsent(Step.CREDENTIALS, s -> new ArrayList<>()).addAll(List.of(pasted, mint, paste,
                keychain));
        VBox box = new VBox(8, sources, keychainReason, pasteRow);
        box.setId("key-sources");
        // a customer created here gets a new key; one that exists (or whose key left with a session) may have one
        box.visibleProperty().bind(Bindings.createBooleanBinding(model::keySourcesOffered, model.stateProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
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
        VBox created = new VBox(10, typeRow, text("E-mail", Field.USER_EMAIL),
                text("First name", Field.FIRST_NAME), text("Last name", Field.LAST_NAME),
                text("Phone (E.164)", Field.PHONE), text("Date of birth (YYYY-MM-DD)", Field.DATE_OF_BIRTH),
                countryRow);
        TextField query = new TextField();
        query.setId("user-query");
        query.setPromptText("e-mail (or part of it) or user id");
        query.textProperty().bindBidirectional(model.userQuery);
        query.setOnAction(e -> model.findUsers());
        Button find = Icons.button("_Find", "fth-search", "user-find", model::findUsers);
        javafx.scene.control.ListView<com.sovera.console.api.model.User> found =
                new javafx.scene.control.ListView<>(model.picker().users());
        found.setId("user-matches");
        found.setPrefHeight(160);
        found.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(com.sovera.console.api.model.User u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? null : u.email() + "  " + u.firstName() + " " + u.lastName() + "  ("
                        + u.userId() + ")");
            }
        });
        found.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.chosenUser.set(now));
        Label message = new Label();
        message.textProperty().bind(model.picker().usersMessageProperty());
        VBox existing = new VBox(6, new HBox(8, query, find), message, found);
        locks.computeIfAbsent(Step.USER, s -> new ArrayList<>()).addAll(List.of(query, find, found));
        return form("The user", origin(model.userOrigin, "New user", "Existing user", "user", Step.USER),
                shownFor(created, model.userOrigin, OnboardingViewModel.Origin.NEW),
                shownFor(existing, model.userOrigin, OnboardingViewModel.Origin.EXISTING));
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
     * Builds and skins the forms of the steps ahead, one a frame, in a scene of their own, so that reaching a step
     * only lays it out (a first skinning of the user form costs ~60 ms on the FX thread). Call once the window
     * shows.
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
        Node form = form(next);
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
        VBox created = new VBox(10, text("Wallet name", Field.WALLET_NAME), currencyRow);
        javafx.scene.control.ListView<com.sovera.console.api.model.Wallet> wallets =
                new javafx.scene.control.ListView<>(model.picker().wallets());
        wallets.setId("wallet-choices");
        wallets.setPrefHeight(160);
        wallets.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(com.sovera.console.api.model.Wallet w, boolean empty) {
                super.updateItem(w, empty);
                setText(empty || w == null ? null : w.currency() + "  " + w.name() + "  (" + w.walletId() + ")");
            }
        });
        wallets.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.chosenWallet.set(now));
        Label message = new Label();
        message.setId("wallet-choices-message");
        message.textProperty().bind(model.picker().walletsMessageProperty());
        VBox existing = new VBox(6, message, wallets);
        locks.computeIfAbsent(Step.WALLET, s -> new ArrayList<>()).add(wallets);
        return form("The wallet", origin(model.walletOrigin, "New wallet", "Existing wallet", "wallet", Step.WALLET),
                shownFor(created, model.walletOrigin, OnboardingViewModel.Origin.NEW),
                shownFor(existing, model.walletOrigin, OnboardingViewModel.Origin.EXISTING));
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
        Button anotherAddress = Icons.button("Another _address", "fth-plus", "another-address", model::anotherAddress);
        Button anotherWallet = Icons.button("Another _wallet for this user", "fth-credit-card", "another-wallet", model::anotherWallet);
        Button anotherUser = Icons.button("Another _user for this customer", "fth-user-plus", "another-user", model::anotherUser);
        HBox next = new HBox(8, anotherAddress, anotherWallet, anotherUser);
        next.setId("continue-tree");
        next.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.depositProperty().get() != null
                && model.depositProperty().get().ok(), model.depositProperty()));
        next.managedProperty().bind(next.visibleProperty());
        return form("Generate a deposit address", new FieldRow("Network", networks, "network-row"), reason,
                addressPanel, next);
    }

    private Node signInAgain() {
        PasswordField pw = new PasswordField();
        pw.textProperty().bindBidirectional(model.reloginPassword);
        pw.setId("relogin-password");
        Button again = Icons.button("Sign _in again", "fth-log-in", "relogin", model::signInAgain);
        again.disableProperty().bind(model.reloginPassword.isEmpty().or(model.busyProperty()));
        VBox box = new VBox(6, new Label("The session has ended. Enter the password to sign in again; the step is"
                + " then retried with what the form holds now."), new HBox(8, pw, again));
        box.setId("relogin-bar");
        box.visibleProperty().bind(model.needsSignInProperty());
        box.managedProperty().bind(model.needsSignInProperty());
        return box;
    }
}
