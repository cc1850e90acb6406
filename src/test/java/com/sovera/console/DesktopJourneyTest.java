package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.bulk.BulkRun;
import com.sovera.console.bulk.Column;
import com.sovera.console.bulkscreen.BulkView;
import com.sovera.console.bulkscreen.BulkViewModel;
import com.sovera.console.onboarding.Field;
import com.sovera.console.onboarding.OnboardingViewModel;
import com.sovera.console.onboarding.Step;
import com.sovera.console.shell.MainWindow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console on a real desk (mvn -Pdesktop verify): an X display with a window manager, GTK's glass, and keys
 * pressed through the X server. The guide's line by keyboard alone, where the focus goes after each step, the
 * window's size at start and after a dialog, and the mnemonics: what Monocle cannot show (it has no window manager,
 * and sizes and focus hand-offs differ there).
 */
@Tag("desktop")
class DesktopJourneyTest extends FxRobot {

    @TempDir
    static Path home;

    private ConsoleApp app;
    private Stage stage;

    @BeforeAll
    static void desk() throws Exception {
        Desk.requireDisplay();
        System.setProperty("sovx.home", home.toString());
        FxToolkit.registerPrimaryStage();
    }

    /** The application as the launcher starts it, in a window of its own (TestFX's primary stage is undecorated). */
    private MainWindow start() throws Exception {
        FxToolkit.setupFixture(() -> {
            app = new ConsoleApp();
            stage = new Stage();
            app.start(stage);
        });
        waitUntil(30, () -> stage.isShowing() && stage.getScene().getRoot() instanceof MainWindow);
        waitUntil(10, () -> Desk.activeWindowName().startsWith("SovX Console"));
        return (MainWindow) stage.getScene().getRoot();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.setupFixture(() -> {
                // the next journey opens where the console was closed: every journey starts at the wizard
                if (stage.getScene() != null && stage.getScene().getRoot() instanceof MainWindow main) {
                    main.showView("nav-onboarding");
                }
                app.stop();
                stage.hide();
            });
        }
    }

    @Test
    void theGuidesLineByKeyboardAloneWithTheFocusWhereTheHandsGoNext() throws Exception {
        MainWindow main = start();
        OnboardingViewModel wizard = main.onboarding();
        String id = "desk-" + Long.toString(System.nanoTime(), 36);

        // the window opens with the focus on the step's action (connectivity has no field)
        waitForFocus("wizard-action");
        Desk.keys("Return");
        waitForStep(wizard, Step.LOGIN);
        // after Check connection the e-mail has the focus: typing goes there, and Tab + Enter signs in
        waitForFocus("login_email");
        String email = wizard.input(Field.LOGIN_EMAIL).get();
        Desk.keys("Tab");
        waitForFocus("password");
        Desk.keys("Return");
        waitForStep(wizard, Step.CUSTOMER);
        assertThat(wizard.input(Field.LOGIN_EMAIL).get()).isEqualTo(email);

        waitForFocus("customer_email");
        Desk.type("ops@" + id + ".example");
        Desk.keys("Tab");
        waitForFocus("customer_id");
        Desk.type(id);
        Desk.keys("Tab");
        waitForFocus("entity_name");
        Desk.type("Desk Payments Ltd");
        Desk.keys("Return");
        waitForStep(wizard, Step.CREDENTIALS);

        // a new customer's key is minted by the action; the confirmation it reveals takes the focus
        waitForFocus("wizard-action");
        Desk.keys("Return");
        waitUntil(20, () -> wizard.secret.get() != null);
        waitForFocus("secret-confirm");
        String secret = wizard.secret.get();
        Desk.type(secret.substring(secret.length() - 4));
        Desk.keys("Return");
        waitForStep(wizard, Step.USER);

        waitForFocus("email");
        Desk.type("ada@" + id + ".example");
        Desk.keys("Tab");
        Desk.type("Ada");
        Desk.keys("Tab");
        Desk.type("Lovelace");
        Desk.keys("Tab");
        Desk.type("+442071234567");
        Desk.keys("Tab");
        Desk.type("1985-12-10");
        Desk.keys("Tab");
        waitForFocus("country");
        // a name resolves on Enter without acting; an exact code is the United States, not Australia, and acts
        Desk.type("Germ");
        Desk.keys("Return");
        waitUntil(10, () -> "DE".equals(wizard.input(Field.COUNTRY).get()));
        assertThat(wizard.stepProperty().get()).isEqualTo(Step.USER);
        waitForFocus("country");
        Desk.keys("ctrl+a");
        Desk.type("us");
        Desk.keys("Return");
        waitForStep(wizard, Step.WALLET);
        assertThat(wizard.progress().user().country()).isEqualTo("US");

        waitForFocus("name");
        Desk.type("Desk BTC");
        Desk.keys("Return");
        waitForStep(wizard, Step.ADDRESS);
        waitForFocus("wizard-action");
        Desk.keys("Return");
        waitUntil(30, () -> wizard.depositProperty().get() != null && wizard.depositProperty().get().ok());
        assertThat(wizard.depositProperty().get().address().address()).startsWith("tb1");
        assertThat(focusedId()).isNotEqualTo("sign-out");

        // the lookups offer the key just minted; the offer's button goes once used: the focus stays in the view
        // (it fell to the header's Sign out, where the next Space signed out)
        Desk.keys("alt+u");
        waitUntil(10, () -> main.lookup("#lookup-use-onboarding") != null
                && main.lookup("#lookup-use-onboarding").isVisible());
        waitUntil(10, () -> !"nav-onboarding".equals(focusedId()) && focusedId() != null);
        assertThat(focusedId()).isEqualTo("lookup-customer");
        interact(() -> main.lookup("#lookup-use-onboarding").requestFocus());
        waitForFocus("lookup-use-onboarding");
        Desk.keys("space");
        waitUntil(10, () -> !main.lookup("#lookup-use-onboarding").isVisible());
        waitUntil(10, () -> focusedId() != null && !"lookup-use-onboarding".equals(focusedId()));
        Thread.sleep(300); // a hand-off the guard takes back would show now
        assertThat(focusedId()).isNotIn("sign-out", "help");
        assertThat(main.session().state().accountProperty().get()).as("still signed in").isNotNull();
    }

    @Test
    void theWindowOpensLargeAndADialogNeverResizesIt() throws Exception {
        start();
        javafx.geometry.Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(Math.max(screen.getWidth() * 0.9, 1024), screen.getWidth());
        double height = Math.min(Math.max(screen.getHeight() * 0.9, 700), screen.getHeight());
        waitUntil(10, () -> Math.abs(stage.getWidth() - width) < 2 && Math.abs(stage.getHeight() - height) < 2);
        int[] inX = Desk.activeWindowSize();
        assertThat(inX[0]).as("the window's width as X has it").isGreaterThan((int) width - 40);
        assertThat(inX[1]).as("the window's height as X has it").isGreaterThan((int) height - 60);

        // F1's shortcut list is a dialog owned by the window; closing it leaves the window as it was
        Desk.keys("F1");
        waitUntil(10, () -> Window.getWindows().stream().anyMatch(w -> w != stage && w.isShowing()
                && w.getScene() != null && w.getScene().lookup("#shortcut-list") != null));
        Window dialog = Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().lookup("#shortcut-list") != null).findFirst().orElseThrow();
        assertThat(((Stage) dialog).getOwner()).isSameAs(stage);
        Desk.keys("Escape");
        waitUntil(10, () -> !dialog.isShowing());
        Thread.sleep(500); // a window manager's late resize would come now
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getWidth()).isCloseTo(width, org.assertj.core.data.Offset.offset(2.0));
        assertThat(stage.getHeight()).isCloseTo(height, org.assertj.core.data.Offset.offset(2.0));
        assertThat(Desk.activeWindowSize()).containsExactly(inX);
    }

    @Test
    void mnemonicsSwitchViewsAndTheFocusNeverFallsToTheHeader() throws Exception {
        MainWindow main = start();
        waitForFocus("wizard-action");
        Desk.keys("alt+u");
        waitUntil(10, () -> main.lookup("#nav-users") instanceof ToggleButton b && b.isSelected());
        waitUntil(10, () -> focusedId() != null);
        assertThat(focusedId()).isNotIn("sign-out", "help");
        Desk.keys("alt+n");
        waitUntil(10, () -> main.lookup("#nav-onboarding") instanceof ToggleButton b && b.isSelected());
        waitForFocus("wizard-action");
        // Alt+O is no longer Sign out's: nothing signs out (nobody is signed in here, and it has no mnemonic)
        assertThat(main.lookup("#sign-out")).isInstanceOfSatisfying(javafx.scene.control.Button.class,
                b -> assertThat(b.getText()).doesNotContain("_"));
    }

    @Test
    void aUserFoundByEmailHasTheirWalletOpenedAndItsAddressCopiedByKeyboardAlone() throws Exception {
        MainWindow main = start();
        waitForFocus("wizard-action");
        Desk.keys("alt+u");
        waitUntil(20, () -> main.lookup("#users-list-table") instanceof TableView<?> t && t.getItems().size() > 5);
        @SuppressWarnings("unchecked")
        TableView<User> users = (TableView<User>) main.lookup("#users-list-table");
        // the e-mail a customer gives on the phone: a user of the page, not the first row
        User caller = onFx(() -> users.getItems().get(5));

        Desk.keys("ctrl+f");
        waitForFocus("search");
        Desk.type(caller.email());
        Desk.keys("Return");
        waitUntil(20, () -> main.lookup("#search-open-wallets") != null && main.lookup("#search-open-wallets")
                .isVisible());
        tabTo("search-open-wallets", 4);
        Desk.keys("space");

        // their wallets, the first selected, the arrow keys in the table; its address verified beside it
        waitUntil(20, () -> main.lookup("#wallets-list-table") != null);
        waitForFocus("wallets-list-table");
        @SuppressWarnings("unchecked")
        TableView<Wallet> shown = (TableView<Wallet>) main.lookup("#wallets-list-table");
        waitUntil(20, () -> shown.getSelectionModel().getSelectedItem() != null
                && shown.getItems().stream().allMatch(w -> w.userId().equals(caller.userId())));
        waitUntil(20, () -> main.lookup("#wallets #copy-address") != null
                && main.lookup("#wallets #copy-address").isVisible()
                && !main.lookup("#wallets #copy-address").isDisabled());
        String address = onFx(() -> ((Labeled) main.lookup("#wallets #address-text")).getText()).replace(" ", "");

        Desk.keys("alt+y");
        waitUntil(10, () -> address.equals(onFx(() -> Clipboard.getSystemClipboard().getString())));
        andReadItBack(main, address);
    }

    /**
     * The step after the copy: the address read back with the customer. Alt+V opens the read-back with the focus
     * in its field; what the customer says is typed in groups, and the verdict says every group matches; a wrong
     * last character is then named by its group.
     */
    private void andReadItBack(MainWindow main, String copied) throws Exception {
        String shown = onFx(() -> ((Labeled) main.lookup("#wallets #address-text")).getText());
        assertThat(shown.replace(" ", "")).isEqualTo(copied);
        Desk.keys("alt+v");
        try {
            waitUntil(10, () -> "read-back-heard".equals(focusedId()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Alt+V left the focus on " + focusedId() + ", the read-back "
                    + (onFx(() -> main.lookup("#wallets #read-back").isVisible()) ? "open" : "closed"), e);
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < copied.length(); i += 4) {
            grouped.append(grouped.length() == 0 ? "" : " ").append(copied, i, Math.min(copied.length(), i + 4));
        }
        Desk.type(grouped.toString());
        int groups = (copied.length() + 3) / 4;
        waitUntil(10, () -> onFx(() -> ((Labeled) main.lookup("#wallets #read-back-verdict")).getText())
                .equals("All " + groups + " groups match."));
        Desk.keys("BackSpace");
        char last = copied.charAt(copied.length() - 1);
        Desk.type(last == '0' ? "1" : "0");
        waitUntil(10, () -> onFx(() -> ((Labeled) main.lookup("#wallets #read-back-verdict")).getText())
                .startsWith("Group " + groups + " differs"));
        Desk.keys("alt+v"); // closed again
    }

    @Test
    void aCsvIsOpenedByItsTypedPathPreviewedWithItsErrorsInSightAndRunByKeyboardAlone() throws Exception {
        MainWindow main = start();
        String id = Long.toString(System.nanoTime(), 36);
        Path file = Files.writeString(home.resolve("desk-" + id + ".csv"), Column.headerLine() + "\n"
                + "individual,ada." + id + "@example.com,Ada,Desk,+12025550131,1991-04-01,US,BTC\n"
                + "individual,omar." + id + "@example,Omar,Desk,+12025550132,1992-05-02,US,ETH\n"
                + "individual,ines." + id + "@example.com,Ines,Desk,+12025550133,1993-06-03,US,ETH\n",
                StandardCharsets.UTF_8);
        waitForFocus("wizard-action");
        Desk.keys("alt+b");
        waitUntil(10, () -> main.lookup("#bulk") instanceof BulkView);
        BulkViewModel bulk = ((BulkView) main.lookup("#bulk")).model();
        waitUntil(10, () -> focusedId() != null);
        tabTo("bulk-open-path", 6);
        Desk.type(file.toString());
        Desk.keys("Return");
        waitUntil(20, () -> onFx(() -> ((Labeled) main.lookup("#bulk-counts")).getText())
                .startsWith("3 rows: 2 valid, 1 with errors"));

        // the row's errors are read where the preview shows them, without scrolling sideways
        String why = onFx(() -> bulk.preview().rows().get(1).errorText());
        waitUntil(10, () -> onFx(() -> errorsInSight(main, why)));

        // Alt+K takes the operator to "Skip the rows with errors" (on a desk it focuses the check box without
        // ticking it), Space ticks it
        Desk.keys("alt+k");
        waitForFocus("bulk-skip-invalid");
        Desk.keys("space");
        waitUntil(10, () -> bulk.skipInvalid.get());
        Desk.keys("alt+r");
        waitUntil(60, () -> bulk.run().stateProperty().get() == BulkRun.State.FINISHED);
        waitUntil(10, () -> onFx(() -> ((Labeled) main.lookup("#bulk-summary")).getText()).startsWith(
                "Finished: 2 rows created"));
        assertThat(focusedId()).isNotIn("sign-out", "help");
    }

    /** Whether the preview draws the row's errors inside the table's visible width. */
    private static boolean errorsInSight(MainWindow main, String why) {
        Node table = main.lookup("#bulk-preview-table");
        javafx.geometry.Bounds seen = table.localToScene(table.getBoundsInLocal());
        return table.lookupAll(".table-cell").stream().filter(n -> n instanceof Labeled l && why.equals(l.getText()))
                .map(n -> n.localToScene(n.getBoundsInLocal()))
                .anyMatch(b -> b.getMinX() >= seen.getMinX() && b.getMinX() < seen.getMaxX() - 100);
    }

    /** Presses Tab until the control {@code id} has the focus, at most {@code most} times, as an operator would. */
    private void tabTo(String id, int most) throws Exception {
        List<String> visited = new java.util.ArrayList<>();
        for (int i = 0; i < most && !id.equals(focusedId()); i++) {
            visited.add(focusedId());
            Desk.keys("Tab");
            WaitForAsyncUtils.waitForFxEvents();
        }
        try {
            waitUntil(5, () -> id.equals(focusedId()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Tab went through " + visited + " and " + focusedId() + ", never " + id);
        }
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private String focusedId() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node n = stage.getScene().getFocusOwner();
            return n == null ? null : n.getId();
        }).get(5, TimeUnit.SECONDS);
    }

    private void waitForFocus(String id) throws Exception {
        try {
            waitUntil(10, () -> id.equals(focusedId()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the focus is on " + focusedId() + ", not on " + id);
        }
    }

    private static void waitForStep(OnboardingViewModel wizard, Step step) throws Exception {
        waitUntil(30, () -> wizard.stepProperty().get() == step);
    }

    private static void waitUntil(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
