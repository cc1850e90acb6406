package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;

/**
 * Mnemonics are unique among the controls reachable at once (header, navigation and the view or step shown): read
 * from the scene graph, on every view and at every step of the wizard, the key shown once included. Alt+O once
 * signed the operator out where they meant Copy key.
 */
class MnemonicsTest extends ConsoleWindowFixture {

    /** Every mnemonic letter shown now, with the controls that claim it. */
    static Map<Character, List<String>> mnemonics(Node root) {
        Map<Character, List<String>> claims = new TreeMap<>();
        collect(root, claims);
        return claims;
    }

    private static void collect(Node node, Map<Character, List<String>> claims) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.isMnemonicParsing() && l.getText() != null && !skinOf(l)) {
            Character c = mnemonic(l.getText());
            if (c != null) {
                claims.computeIfAbsent(c, k -> new ArrayList<>()).add(l.getText() + " #" + l.getId());
            }
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, claims));
        }
    }

    /** A label inside a control's skin showing the control's own text (a menu button's): one claim, not two. */
    private static boolean skinOf(Labeled l) {
        for (Node p = l.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Labeled owner && l.getText().equals(owner.getText())) {
                return true;
            }
        }
        return false;
    }

    /** The letter after the first single underscore ("__" is a literal one), as JavaFX reads it. */
    static Character mnemonic(String text) {
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) == '_') {
                if (text.charAt(i + 1) == '_') {
                    i++;
                } else {
                    return Character.toUpperCase(text.charAt(i + 1));
                }
            }
        }
        return null;
    }

    private final Map<String, Map<Character, List<String>>> clashes = new LinkedHashMap<>();

    private void check(String where) throws Exception {
        // the view loaded: no call of the session still out (controls a load's answer brings are read too)
        waitUntil(20, () -> org.testfx.util.WaitForAsyncUtils.asyncFx(() ->
                console.window.session().state().current().jobs().size() == 0).get());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Map<Character, List<String>> found = org.testfx.util.WaitForAsyncUtils.asyncFx(() ->
                mnemonics(console.window)).get();
        found.values().removeIf(claimants -> claimants.size() < 2);
        if (!found.isEmpty()) {
            clashes.put(where, found);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyViewAndEveryStepHasUniqueMnemonicsAndSignOutHasNone() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(3)), home,
                RetryPolicy.DEFAULT).open();
        assertThat(lookup("#sign-out").queryAs(Labeled.class).getText()).doesNotContain("_");
        new WizardWalk(this, console.window.onboarding(), reached -> {
            try {
                check("wizard, " + reached.toLowerCase(Locale.ROOT));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).all("mnemonic-co");
        // the session ended at the address step: Sign in again comes beside the address panel (and its read-back)
        interact(() -> console.window.onboarding().needsSignInProperty().set(true));
        check("wizard, the address step, signed out");
        interact(() -> console.window.onboarding().needsSignInProperty().set(false));
        for (String view : List.of("nav-customers", "nav-users", "nav-wallets", "nav-bulk", "nav-activity",
                "nav-settings", "nav-onboarding")) {
            interact(() -> console.window.showView(view));
            check(view);
        }
        // a wallet selected: its deposit address, with the read-back beside New deposit address
        interact(() -> console.window.showView("nav-wallets"));
        javafx.scene.control.TableView<?> wallets = lookup("#wallets-list-table")
                .queryAs(javafx.scene.control.TableView.class);
        waitUntil(() -> !wallets.getItems().isEmpty());
        interact(() -> wallets.getSelectionModel().select(0));
        waitUntil(() -> lookup("#wallets #read-back-toggle").tryQuery().map(n -> n.isVisible() && !n.isDisabled())
                .orElse(false));
        check("wallets, a wallet selected");
        // a customer's keys, mid-rotation: the new key shown once, its Copy, Reveal and the rotation's buttons
        interact(() -> console.window.showView("nav-customers"));
        javafx.scene.control.TableView<com.sovera.console.api.model.Customer> customers =
                lookup("#customers-list-table").queryAs(javafx.scene.control.TableView.class);
        waitUntil(() -> customers.getItems().stream().anyMatch(c -> c.customerId().equals("mnemonic-co")));
        interact(() -> customers.getSelectionModel().select(customers.getItems().stream()
                .filter(c -> c.customerId().equals("mnemonic-co")).findFirst().orElseThrow()));
        javafx.scene.control.TableView<?> keys = lookup("#owner-keys-list-table")
                .queryAs(javafx.scene.control.TableView.class);
        waitUntil(() -> !keys.getItems().isEmpty());
        interact(() -> keys.getSelectionModel().select(0));
        clickOn("#owner-key-rotate");
        waitUntil(() -> lookup("#rotated-key-copy").tryQuery().map(Node::isVisible).orElse(false));
        check("customers, rotating a key");
        assertThat(clashes).as("letters claimed twice, where").isEmpty();
    }
}
