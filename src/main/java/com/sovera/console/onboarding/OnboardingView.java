package com.sovera.console.onboarding;

import com.sovera.console.deposit.AddressPanel;
import com.sovera.console.ui.task.TaskRunner;
import com.sovera.console.ui.ClipboardGuard;
import com.sovera.console.ui.ErrorBanner;
import com.sovera.console.ui.FieldRow;
import com.sovera.console.ui.Focus;
import com.sovera.console.ui.Icons;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The wizard on screen: a stepper of the seven steps with what each produced, the current form, and actions. */
public final class OnboardingView extends BorderPane {

    private final OnboardingViewModel model;
    /** The step forms' fields and the controls each step locks once done, shared with the step views. */
    private final StepForms kit;
    private final Map<Field, FieldRow> rows;
    private final Map<Step, Node> forms = new EnumMap<>(Step.class);
    private final Map<Step, Label> stepLabels = new EnumMap<>(Step.class);
    private final Map<Step, List<Node>> locks;
    private final ResumeBar resumeBar = new ResumeBar();
    private final ClipboardGuard clipboard;
    private final AddressPanel addressPanel;
    private final Label loginNote = new Label();
    private final Button action = new Button();
    private static final javafx.css.PseudoClass WAITING = javafx.css.PseudoClass.getPseudoClass("waiting");
    private final String environmentLine;
    private final ScrollPane scroll = new ScrollPane();
    /** Holds the shown step's form; the forms ahead are styled here too, hidden, while the operator reads. */
    private final StackPane page = new StackPane();
    /** The step whose form is shown. */
    private Step shown;

    /** @param files writes what the operator saves (the QR image) off the FX thread */
    public OnboardingView(OnboardingViewModel model, String environmentLine, ClipboardGuard clipboard,
                          TaskRunner files) {
        this.addressPanel = new AddressPanel(files);
        this.model = model;
        this.kit = new StepForms(model);
        this.rows = kit.rows;
        this.locks = kit.locks;
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
        // Enter is the action's key (it is the default button): no mnemonic, whose letter would clash with the
        // navigation's (Continue and Customers both claimed C)
        action.setMnemonicParsing(false);
        action.textProperty().bind(Bindings.createStringBinding(() -> model.stateProperty().get().actionLabel()
                .replaceFirst("_", ""), model.stateProperty()));
        // enabled while a call is out (greyed by the theme, inert in the model): a disabled focused button hands the
        // focus to the next one, which can be the header's Sign out, where Enter would then land
        model.stateProperty().addListener((o, was, now) -> action.pseudoClassStateChanged(WAITING, now.waiting()));
        action.setOnAction(e -> model.act());
        Button back = Icons.on(new Button("Bac_k"), "fth-arrow-left");
        back.setId("wizard-back");
        back.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.stateProperty().get().canGoBack(),
                model.stateProperty()));
        back.setOnAction(e -> model.back());
        Label busy = new Label("Working...");
        busy.setId("wizard-busy");
        busy.visibleProperty().bind(model.busyProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // a lookups desk: the step that would create says why its action is disabled
        javafx.beans.binding.BooleanBinding refused = Bindings.createBooleanBinding(
                () -> model.stateProperty().get().refusal() != null, model.stateProperty());
        com.sovera.console.ui.LookupsOnly.explain(refused, action);
        Label refusal = com.sovera.console.ui.LookupsOnly.reason("wizard-lookups-only", refused);
        HBox buttons = new HBox(8, back, busy, gap, status, refusal, action);
        ErrorBanner errors = new ErrorBanner();
        errors.setMaxWidth(Double.MAX_VALUE);
        errors.problemProperty().bind(model.problemProperty());
        VBox bottom = new VBox(8, SignInStepViews.signInAgain(model), errors, buttons);
        bottom.setPadding(new Insets(8, 0, 0, 0));
        setBottom(bottom);
        setTop(resumeBar);

        model.serverFieldErrors().addListener((MapChangeListener<Field, String>) c -> {
            if (rows.containsKey(c.getKey())) {
                kit.hint(c.getKey(), rows.get(c.getKey()));
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::enterWhileInvalid); // after a field's own Enter
        // a server's verdict on a field takes the focus there (the answer to the operator's own action)
        model.serverFieldErrors().addListener((MapChangeListener<Field, String>) c -> {
            if (c.wasAdded()) {
                Focus.afterLayout(this, this::firstInvalid);
            }
        });
        // a minted key reveals its confirmation: the operator types its last four there next
        model.secret.addListener((o, was, key) -> {
            if (key != null && was == null && model.stepProperty().get() == Step.CREDENTIALS) {
                focusFirst();
            }
        });
        model.stateProperty().addListener((o, was, now) -> render(now));
        addressPanel.resultProperty().bind(model.depositProperty());
        scroll.setFitToWidth(true);
        scroll.setId("step-form");
        scroll.setContent(page);
        setCenter(scroll);
        render(model.stateProperty().get());
    }

    /**
     * The wizard as the state stands: the step's form, the marks, the action. The action is disabled only after
     * the focus left it for the step's first field: a focused control that is disabled hands the focus to the next
     * one, which can be the header's Sign out.
     */
    private void render(WizardState state) {
        if (state.step() != shown) {
            shown = state.step();
            showStep(shown);
        } else {
            markSteps();
        }
        boolean disable = !state.inputsReady();
        if (disable && action.isFocused()) {
            focusTarget().filter(n -> n != action).ifPresent(Node::requestFocus);
        }
        action.setDisable(disable);
    }

    /** Offers an unfinished onboarding found in the journal. */
    public void offerResume(Progress saved, Runnable onResume, Runnable onDiscard) {
        resumeBar.offer(saved, model.lookupsOnly(), onResume, onDiscard);
    }

    /** The deposit address step waits for the customer's deposit (see {@link AddressPanel#watchDeposits}). */
    public void watchDeposits(com.sovera.console.deposit.DepositWatching watching) {
        addressPanel.watchDeposits(watching);
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

    /**
     * A step's form, built when first needed: the first frame builds only the step it shows, the others follow
     * while the operator reads ({@link #prepareSteps()}).
     */
    private Node form(Step step) {
        Node form = forms.get(step);
        if (form == null) {
            form = switch (step) {
                case CONNECTIVITY -> SignInStepViews.connectivity(kit, environmentLine);
                case LOGIN -> SignInStepViews.login(kit, loginNote);
                case CUSTOMER -> CustomerStepView.of(kit);
                case CREDENTIALS -> CredentialsStepView.of(kit, clipboard);
                case USER -> UserStepView.of(kit);
                case WALLET -> WalletStepView.of(kit);
                case ADDRESS -> address();
            };
            forms.put(step, form);
            markSteps();
        }
        return form;
    }

    private void showStep(Step step) {
        Node owner = getScene() == null ? null : getScene().getFocusOwner();
        boolean ours = owner == null || Focus.isInside(owner, this);
        if (owner != null && owner != action && Focus.isInside(owner, scroll)) {
            action.requestFocus(); // the focused field leaves with its form: the focus stays in the wizard meanwhile
        }
        page.getChildren().setAll(form(step));
        markSteps();
        rows.forEach(kit::hint);
        // Enter must keep meaning "the step's action", never whichever button the focus fell to (Sign out is in
        // the header): the new step's first field takes it now, or once laid out when it is not yet in the scene
        if (ours) {
            focusTarget().ifPresent(Node::requestFocus);
            focusFirst();
        }
    }

    /**
     * Puts the focus on the current step's first text field (its action where it has none) once it is laid out:
     * when the wizard is shown, after a step change, after an action revealed new fields.
     */
    public void focusFirst() {
        Focus.afterLayout(this, this::focusTarget);
    }

    /** The current step's first text field, else its action. */
    public Optional<Node> focusTarget() {
        return Focus.firstTextField(form(model.stepProperty().get())).or(() -> Optional.of(action));
    }

    /**
     * Enter in a text field whose step cannot act yet: the focus goes to the first field that is not valid (the
     * one the server refused first) and nothing is sent. When the step can act, Enter is its action (the default
     * button).
     */
    private void enterWhileInvalid(KeyEvent e) {
        if (e.getCode() != KeyCode.ENTER || !(e.getTarget() instanceof TextInputControl typed)
                || !action.isDisabled() || !Focus.isInside(typed, form(model.stepProperty().get()))) {
            return;
        }
        firstInvalid().orElse(typed).requestFocus();
        e.consume();
    }

    private Optional<Node> firstInvalid() {
        Step step = model.stepProperty().get();
        return rows.entrySet().stream().filter(r -> r.getKey().step() == step)
                .filter(r -> model.serverFieldErrors().containsKey(r.getKey()) || model.check(r.getKey()) != null)
                .map(r -> r.getValue().input()).filter(n -> n.isVisible() && !n.isDisabled()
                        && Focus.isInside(n, form(step)) && shownInForm(n))
                .min(java.util.Comparator.comparing((Node n) -> model.serverFieldErrors().isEmpty() ? 0
                        : serverFirst(n)).thenComparing(this::readingOrder));
    }

    private int serverFirst(Node input) {
        return rows.entrySet().stream().anyMatch(r -> r.getValue().input() == input
                && model.serverFieldErrors().containsKey(r.getKey())) ? 0 : 1;
    }

    /** Where a field is in its form, top to bottom. */
    private double readingOrder(Node n) {
        return n.localToScene(0, 0).getY();
    }

    private static boolean shownInForm(Node n) {
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
        return kit.form(title, children);
    }

    /**
     * Builds, skins and styles the forms of the steps ahead, one per FX event (a pulse can come between them),
     * where they will be shown, so that reaching a step costs no first skinning (~60 ms for the user form on the FX
     * thread) and finds the window's styles worked out for its controls. Call once the window shows.
     */
    public void prepareSteps() {
        Deque<Step> ahead = new ArrayDeque<>();
        for (Step s : Step.values()) {
            if (s.ordinal() > model.stepProperty().get().ordinal()) {
                ahead.add(s);
            }
        }
        StepForms.warmUp(ahead, this::form, page);
    }

    /** This step's form if it is built yet (shown, or prepared ahead while not shown). */
    public Optional<Node> builtForm(Step step) {
        return Optional.ofNullable(forms.get(step));
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
        Button anotherAddress = Icons.button("Another a_ddress", "fth-plus", "another-address", model::anotherAddress);
        Button anotherWallet = Icons.button("Another wa_llet for this user", "fth-credit-card", "another-wallet", model::anotherWallet);
        Button anotherUser = Icons.button("Another us_er for this customer", "fth-user-plus", "another-user", model::anotherUser);
        HBox next = new HBox(8, anotherAddress, anotherWallet, anotherUser);
        next.setId("continue-tree");
        next.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.depositProperty().get() != null
                && model.depositProperty().get().ok(), model.depositProperty()));
        next.managedProperty().bind(next.visibleProperty());
        return form("Generate a deposit address", new FieldRow("Network", networks, "network-row"), reason,
                addressPanel, next);
    }
}
