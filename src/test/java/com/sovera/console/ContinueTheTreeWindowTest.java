package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.onboarding.Step;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.Test;

/**
 * The wizard continued from an existing customer, user and wallet, as an operator does it in the window: the
 * New/Existing toggles, the pasted key, the user found by e-mail and picked from the list, the wallet picked.
 */
class ContinueTheTreeWindowTest extends ConsoleWindowFixture {

    private Step step() {
        return console.window.onboarding().stepProperty().get();
    }

    private void waitFor(Step expected) throws Exception {
        try {
            waitUntil(() -> step() == expected);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("at " + step() + ", waiting for " + expected + "; state "
                    + console.window.onboarding().stateProperty().get() + "; problem "
                    + console.window.onboarding().problemProperty().get() + "; typed '"
                    + console.window.onboarding().existingCustomerId.get() + "'");
        }
    }

    private void visible(String id) throws Exception {
        waitUntil(() -> lookup(id).tryQuery().map(Node::isVisible).orElse(false));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOperatorGivesAnExistingUsersExistingWalletAFreshAddress() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(30)), home,
                RetryPolicy.DEFAULT).open();
        SovxClient owner = SovxClient.builder(console.sandbox.baseUrl()).build();
        owner.credentials().useOwnerKey(console.sandbox.demo().ownerKey());
        User someone = owner.api().listUsers(Filter.page(1, 5).asQuery()).execute().rows().get(0);
        Wallet wallet = owner.api().listUserWallets(someone.userId(), Filter.page(1, 0).asQuery()).execute().rows()
                .get(0);
        int before = owner.api().listWalletAddresses(wallet.walletId(), Filter.page(100, 0).asQuery()).execute()
                .rows().size();

        // the window has opened as an operator sees it: laid out, the focus on the first step's action
        waitUntil(() -> lookup("#wizard-action").queryButton().isFocused());
        type(javafx.scene.input.KeyCode.ENTER); // as the keyboard journey does: the focus is on the action
        waitFor(Step.LOGIN);
        clickOn("#wizard-action");
        waitFor(Step.CUSTOMER);
        clickOn("#customer-existing");
        visible("#existing-customer");
        clickOn("#existing-customer").write(DemoAccount.CUSTOMER_ID);
        clickOn("#wizard-action");
        waitFor(Step.CREDENTIALS);
        assertThat(text("#summary-customer")).isEqualTo("Customer demo-customer (existing)");

        clickOn("#key-paste");
        visible("#pasted-key");
        interact(() -> lookup("#pasted-key").queryAs(TextField.class).setText(console.sandbox.demo().ownerKey()));
        clickOn("#wizard-action");
        waitFor(Step.USER);

        clickOn("#user-existing");
        visible("#user-query");
        clickOn("#user-query").write(someone.email());
        clickOn("#user-find");
        ListView<User> matches = lookup("#user-matches").queryAs(ListView.class);
        waitUntil(() -> !matches.getItems().isEmpty());
        interact(() -> matches.getSelectionModel().select(someone));
        clickOn("#wizard-action");
        waitFor(Step.WALLET);
        assertThat(text("#summary-user")).isEqualTo("User " + someone.email() + " (existing)");

        clickOn("#wallet-existing");
        ListView<Wallet> wallets = lookup("#wallet-choices").queryAs(ListView.class);
        waitUntil(() -> !wallets.getItems().isEmpty());
        interact(() -> wallets.getSelectionModel().select(wallets.getItems().stream()
                .filter(w -> w.walletId().equals(wallet.walletId())).findFirst().orElseThrow()));
        clickOn("#wizard-action");
        waitFor(Step.ADDRESS);
        assertThat(text("#summary-wallet")).endsWith("(existing)");
        clickOn("#wizard-action");
        waitUntil(() -> lookup("#address-qr").queryAs(ImageView.class).getImage() != null);
        assertThat(owner.api().listWalletAddresses(wallet.walletId(), Filter.page(100, 0).asQuery()).execute().rows())
                .hasSize(before + 1);
        assertThat(lookup("#continue-tree").query().isVisible()).isTrue();
        owner.close();
    }
}
