package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.help.HelpMenu;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.config.SettingsStore;
import javafx.application.Application;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.javafx.FontIcon;

/** The desktop-program parts: Help (shortcuts, About, support bundle), theme, icons, notifications. */
class HelpAndLookTest extends ConsoleWindowFixture {

    private void open() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(25)), home,
                RetryPolicy.DEFAULT).open();
    }

    private boolean showing(String title) {
        return listTargetWindows().stream().anyMatch(w -> w instanceof javafx.stage.Stage s && s.isShowing()
                && title.equals(s.getTitle()));
    }

    private void closeDialogs() {
        interact(() -> listTargetWindows().stream().filter(w -> w instanceof javafx.stage.Stage s
                && s.getOwner() != null).toList().forEach(w -> ((javafx.stage.Stage) w).close()));
    }

    @Test
    void f1ListsEveryShortcutAndAboutSaysVersionEnvironmentAndLogFolder() throws Exception {
        open();
        interact(() -> console.window.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.F1, false, false,
                false, false)));
        waitUntil(() -> showing("Keyboard shortcuts"));
        GridPane list = lookup("#shortcut-list").queryAs(GridPane.class);
        // the list is the table the key handler matches, and the navigation's letters as its buttons spell them
        HelpMenu help = lookup("#help").queryAs(HelpMenu.class);
        assertThat(list.getChildren()).hasSize(help.shortcuts().size() * 2);
        assertThat(list.getChildren()).extracting(n -> ((Labeled) n).getText())
                .contains("Ctrl+F", "F5", "Ctrl+Page Down", "Ctrl+Page Up", "F1", "Alt+U", "Users", "Alt+B", "Bulk",
                        "Alt+N", "Onboarding");
        for (com.sovera.console.help.Shortcut s : com.sovera.console.help.Shortcut.values()) {
            assertThat(list.getChildren()).extracting(n -> ((Labeled) n).getText()).contains(s.keyText());
        }
        closeDialogs();

        interact(() -> lookup("#help").queryAs(MenuButton.class).getItems().stream()
                .filter(i -> "help-about".equals(i.getId())).findFirst().orElseThrow().fire());
        waitUntil(() -> showing("About SovX Console"));
        assertThat(text("#about-version")).startsWith("Version ");
        assertThat(text("#about-environment")).contains("Local sandbox").contains(console.client.baseUrl());
        assertThat(text("#about-log-folder")).isEqualTo(System.getProperty("sovx.logs"));
        closeDialogs();
    }

    @Test
    void theSupportBundleHasTheRecentCallsAndNoSecret() throws Exception {
        open();
        interact(() -> lookup("#wizard-action").queryButton().fire()); // health
        waitUntil(() -> console.window.onboarding().stepProperty().get() == com.sovera.console.onboarding.Step.LOGIN);
        interact(() -> lookup("#wizard-action").queryButton().fire()); // login with the demo password
        waitUntil(() -> console.window.onboarding().stepProperty().get()
                == com.sovera.console.onboarding.Step.CUSTOMER);
        String session = console.client.credentials().session().orElseThrow().token();
        String trace = console.activity.entries().get(console.activity.entries().size() - 1).traceId();

        interact(() -> ((HelpMenu) lookup("#help").query()).copySupportBundle());
        waitUntil(() -> {
            String[] clip = new String[1];
            interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
            return clip[0] != null && clip[0].startsWith("SovX Console support bundle");
        });
        String[] bundle = new String[1];
        interact(() -> bundle[0] = Clipboard.getSystemClipboard().getString());
        assertThat(bundle[0]).contains("Environment: Local sandbox").contains("POST /sovx/v1/auth/login -> 200")
                .contains("trace " + trace).contains("Last log lines")
                .doesNotContain(DemoAccount.PASSWORD).doesNotContain(session);
        // and the operator is told, in a notification
        waitUntil(() -> !lookup(".notification-bar").queryAll().isEmpty());
    }

    @SuppressWarnings("unchecked")
    @Test
    void theThemeFollowsSettingsAtOnceAndIsRememberedAndActionsCarryIcons() throws Exception {
        open();
        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");
        assertThat(lookup("#nav-users").queryAs(Labeled.class).getGraphic()).isInstanceOf(FontIcon.class);
        assertThat(lookup("#sign-out").queryAs(Labeled.class).getGraphic()).isInstanceOf(FontIcon.class);
        clickOn("#nav-settings");
        waitUntil(() -> lookup("#settings-theme").tryQuery().isPresent());
        interact(() -> lookup("#settings-theme").queryAs(ComboBox.class).setValue("dark"));
        interact(() -> lookup("#settings-save").queryButton().fire());
        waitUntil(() -> Application.getUserAgentStylesheet().contains("primer-dark")); // once the file is written
        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
        assertThat(new SettingsStore(console.dirs.config()).load().theme()).isEqualTo("dark");
        interact(() -> lookup("#settings-theme").queryAs(ComboBox.class).setValue("light"));
        interact(() -> lookup("#settings-save").queryButton().fire());
        waitUntil(() -> Application.getUserAgentStylesheet().contains("primer-light"));
    }
}
