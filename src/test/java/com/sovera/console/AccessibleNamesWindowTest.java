package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.model.Customer;
import com.sovera.console.bulk.Column;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Everything Tab reaches has a name a screen reader can say: at every step of the wizard, on every view with a row
 * selected, on a search result, in Bulk with a preview, and in the dialogs these open. Read from the scene graph
 * ({@link AccessibleNames}), since no screen reader runs here.
 */
class AccessibleNamesWindowTest extends ConsoleWindowFixture {

    private final List<String> findings = new ArrayList<>();

    private void idle() throws Exception {
        waitUntil(20, () -> WaitForAsyncUtils.asyncFx(() ->
                console.window.session().state().current().jobs().size() == 0).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void check(String where) throws Exception {
        idle();
        findings.addAll(WaitForAsyncUtils.asyncFx(() -> AccessibleNames.missing(console.window, where)).get());
    }

    /** Opens a dialog with {@code open} (which may wait in showAndWait), checks it, and closes it with Escape. */
    private void checkDialog(String where, Runnable open) throws Exception {
        List<Window> before = WaitForAsyncUtils.asyncFx(() -> new ArrayList<>(Window.getWindows())).get();
        Platform.runLater(open);
        waitUntil(10, () -> WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && !before.contains(w) && w.getScene() != null
                        && !w.getClass().getSimpleName().contains("Popup"))).get());
        Window dialog = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w.isShowing() && !before.contains(w) && w.getScene() != null
                        && !w.getClass().getSimpleName().contains("Popup")).findFirst().orElseThrow()).get();
        findings.addAll(WaitForAsyncUtils.asyncFx(() ->
                AccessibleNames.missing(dialog.getScene().getRoot(), where)).get());
        interact(dialog::hide);
    }

    private void fire(String query) {
        ButtonBase b = lookup(query).queryAs(ButtonBase.class);
        b.fire();
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String query) {
        return lookup(query).queryAs(TableView.class);
    }

    private void selectFirst(String query) throws Exception {
        TableView<?> t = table(query);
        waitUntil(() -> !t.getItems().isEmpty());
        interact(() -> t.getSelectionModel().select(0));
    }

    @Test
    void everyNodeTabReachesHasANameOnEveryScreenAndDialog() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(3)), home,
                RetryPolicy.DEFAULT).open();
        check("wizard, connectivity");
        new WizardWalk(this, console.window.onboarding(), reached -> {
            try {
                check("wizard, " + reached.toLowerCase(Locale.ROOT));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).all("named-co");
        checkDialog("wizard, simulate a deposit", () -> fire("#simulate-deposit"));
        checkDialog("wizard, the enlarged code", () -> lookup("#address-qr").query()
                .fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0,
                        javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false,
                        false, false, false, null)));

        interact(() -> console.window.showView("nav-customers"));
        TableView<Customer> customers = table("#customers-list-table");
        waitUntil(() -> customers.getItems().stream().anyMatch(c -> c.customerId().equals("named-co")));
        check("customers");
        interact(() -> customers.getSelectionModel().select(customers.getItems().stream()
                .filter(c -> c.customerId().equals("named-co")).findFirst().orElseThrow()));
        selectFirst("#owner-keys-list-table");
        check("customers, a key selected");

        for (String view : List.of("nav-users", "nav-wallets", "nav-transactions")) {
            interact(() -> console.window.showView(view));
            check(view);
            selectFirst("#" + view.substring(4) + "-list-table");
            check(view + ", a row selected");
        }

        String address = console.lookups.api().listAddresses(Filter.none().asQuery()).execute().rows().get(0)
                .address();
        interact(() -> lookup("#search").queryAs(TextField.class).setText(address));
        clickOn("#search-go");
        waitUntil(() -> lookup("#search-box #address-panel").tryQuery().map(Node::isVisible).orElse(false));
        check("search, an address found");

        interact(() -> console.window.showView("nav-bulk"));
        check("nav-bulk");
        clickOn("#bulk-open-path").write("\"  \"");
        type(KeyCode.ENTER);
        waitUntil(() -> lookup("#bulk-open-path-message").query().isVisible());
        assertThat(text("#bulk-open-path-message")).as("the red border says it in words").startsWith("Not a path");
        check("nav-bulk, a path that is none");
        Path file = Files.writeString(home.resolve("named.csv"), Column.headerLine() + "\n"
                + "individual,nia@example,Nia,Named,+12025550141,1991-04-01,US,BTC\n", StandardCharsets.UTF_8);
        interact(() -> lookup("#bulk-open-path").queryAs(TextField.class).setText("\"" + file + "\""));
        clickOn("#bulk-open-path");
        type(KeyCode.ENTER);
        waitUntil(() -> text("#bulk-counts").startsWith("1 row"));
        check("nav-bulk, a preview");
        javafx.scene.control.TableCell<?, ?> wrong = lookup("#bulk-preview-table .table-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> "nia@example".equals(c.getText())).query();
        assertThat(wrong.getGraphic()).as("a wrong cell is marked by an icon too, not by the red alone").isNotNull();
        assertThat(lookup("#bulk-preview-table .table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                "1 error".equals(c.getText())).tryQuery()).as("the wrong row says so in words").isPresent();

        for (String view : List.of("nav-activity", "nav-settings")) {
            interact(() -> console.window.showView(view));
            check(view);
        }
        MenuButton help = lookup("#help").queryAs(MenuButton.class);
        for (String item : List.of("help-shortcuts", "help-about")) {
            checkDialog("help, " + item, () -> help.getItems().stream().filter(i -> item.equals(i.getId()))
                    .findFirst().orElseThrow().fire());
        }
        assertThat(findings).as("focusable nodes without an accessible name").isEmpty();
    }

    @Test
    void aFieldsFaultIsSaidWithTheFieldAndAFailedCallIsReachedByTab() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0)), home,
                RetryPolicy.DEFAULT).open();
        fire("#wizard-action");
        waitUntil(() -> console.window.onboarding().stepProperty().get() == com.sovera.console.onboarding.Step.LOGIN);
        fire("#wizard-action");
        waitUntil(() -> console.window.onboarding().stepProperty().get()
                == com.sovera.console.onboarding.Step.CUSTOMER);
        interact(() -> {
            lookup("#customer_email").queryAs(TextField.class).setText("not-an-email");
            lookup("#customer_id").queryAs(TextField.class).setText(console.sandbox.demo().customerId());
            lookup("#entity_name").queryAs(TextField.class).setText("Taken Ltd");
        });
        fire("#wizard-action");
        waitUntil(() -> !text("#customer_email-message").isEmpty());
        check("wizard, a field's fault");
        assertThat(lookup("#customer_email").query().getAccessibleHelp())
                .isEqualTo("Error: " + text("#customer_email-message"));
        assertThat(lookup("#customer_email-message").queryAs(javafx.scene.control.Label.class).getGraphic())
                .as("an icon beside the red words").isNotNull();
        // typed again and valid: the same sentence as a hint, without the icon
        interact(() -> lookup("#customer_email").queryAs(TextField.class).setText(""));
        assertThat(lookup("#customer_email-message").queryAs(javafx.scene.control.Label.class).getGraphic())
                .isNull();

        // the customer id is taken: the server refuses, and the banner saying so is reached by Tab and read whole
        interact(() -> lookup("#customer_email").queryAs(TextField.class).setText("ops@taken.example"));
        fire("#wizard-action");
        waitUntil(() -> lookup("#error-banner").tryQuery().map(Node::isVisible).orElse(false));
        check("wizard, a refused call");
        Node banner = lookup("#error-banner").query();
        assertThat(AccessibleNames.reachable(banner)).as("Tab reaches the error").isTrue();
        assertThat(banner.getAccessibleText()).startsWith("Error:").contains(text("#error-message"));
        assertThat(findings).as("focusable nodes without an accessible name, statuses not said").isEmpty();
    }
}
