package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.Customer;
import com.sovera.console.api.model.OwnerKey;
import com.sovera.console.onboarding.OnboardingViewModel;
import com.sovera.console.onboarding.Step;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * Revoking, in the Customers view, the owner key the lookups use: the key is refused from then on, and Users and
 * Wallets show nothing, without an error, the lookups' context saying why, rather than trying the next call keyless.
 */
class OwnerKeysWindowTest extends ConsoleWindowFixture {

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String id) {
        return lookup(id).queryAs(TableView.class);
    }

    private boolean visible(String query) {
        return lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void revokingTheKeyInUseEmptiesTheLookupsWithoutAnErrorAndTheKeyIsRefused() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(30)), home,
                RetryPolicy.DEFAULT).open();
        String demoKey = console.sandbox.demo().ownerKey();
        String lastFour = demoKey.substring(demoKey.length() - 4);
        OnboardingViewModel wizard = console.window.onboarding();
        clickOn("#wizard-action");
        waitUntil(() -> wizard.stepProperty().get() == Step.LOGIN);
        clickOn("#wizard-action"); // the demo account is filled in
        waitUntil(() -> wizard.stepProperty().get() == Step.CUSTOMER);

        clickOn("#nav-users");
        waitUntil(() -> !table("#users-list-table").getItems().isEmpty());

        clickOn("#nav-customers");
        TableView<Customer> customers = table("#customers-list-table");
        waitUntil(() -> customers.getItems().stream().anyMatch(c -> c.customerId().equals(DemoAccount.CUSTOMER_ID)));
        interact(() -> customers.getSelectionModel().select(customers.getItems().stream()
                .filter(c -> c.customerId().equals(DemoAccount.CUSTOMER_ID)).findFirst().orElseThrow()));
        TableView<OwnerKey> keys = table("#owner-keys-list-table");
        waitUntil(() -> keys.getItems().stream().anyMatch(k -> lastFour.equals(k.lastFour())));
        interact(() -> keys.getSelectionModel().select(keys.getItems().stream()
                .filter(k -> lastFour.equals(k.lastFour())).findFirst().orElseThrow()));
        clickOn("#revoke-last-four").write(lastFour);
        clickOn("#owner-key-revoke");
        waitUntil(() -> text("#owner-keys-message").contains("revoked"));

        try (SovxClient owner = SovxClient.builder(console.sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE).build()) {
            owner.credentials().useOwnerKey(demoKey);
            assertThatThrownBy(() -> owner.api().listUsers(Filter.page(1, 0).asQuery()).execute())
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
        }
        clickOn("#nav-users");
        waitUntil(() -> visible("#users-list-table"));
        assertThat(table("#users-list-table").getItems()).as("none of the customer's users left on screen").isEmpty();
        assertThat(visible("#users-list #error-banner")).as("no error for a call that should not be made").isFalse();
        assertThat(text("#lookup-message")).contains("was revoked: paste a new one");
        clickOn("#nav-wallets"); // opened for the first time with no customer in context
        waitUntil(() -> visible("#wallets-list-table"));
        assertThat(table("#wallets-list-table").getItems()).isEmpty();
        assertThat(visible("#wallets-list #error-banner")).as("no call without a key").isFalse();
    }

    @Test
    void aRotatedKeyStoppedWithoutConfirmingIsStillOneToNameAtTheNextSignIn() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(5)), home,
                RetryPolicy.DEFAULT).open();
        OnboardingViewModel wizard = console.window.onboarding();
        clickOn("#wizard-action");
        waitUntil(() -> wizard.stepProperty().get() == Step.LOGIN);
        clickOn("#wizard-action"); // the demo account is filled in
        waitUntil(() -> wizard.stepProperty().get() == Step.CUSTOMER);
        clickOn("#nav-customers");
        TableView<Customer> customers = table("#customers-list-table");
        waitUntil(() -> customers.getItems().stream().anyMatch(c -> c.customerId().equals(DemoAccount.CUSTOMER_ID)));
        interact(() -> customers.getSelectionModel().select(customers.getItems().stream()
                .filter(c -> c.customerId().equals(DemoAccount.CUSTOMER_ID)).findFirst().orElseThrow()));
        TableView<OwnerKey> keys = table("#owner-keys-list-table");
        waitUntil(() -> !keys.getItems().isEmpty());
        interact(() -> keys.getSelectionModel().select(0));
        clickOn("#owner-key-rotate");
        waitUntil(() -> lookup("#owner-key-stop-rotation").query().getParent().isVisible()); // the new key shown
        interact(() -> lookup("#owner-key-stop-rotation").queryButton().fire()); // the operator stops without typing the new key's last four
        waitUntil(() -> text("#owner-keys-message").contains("Rotation stopped"));
        java.util.List<?> named = new java.util.ArrayList<>();
        interact(() -> named.addAll((java.util.List) console.window.session().state().current().unconfirmedKeys()));
        assertThat(named).as("keys to name at the next sign-in").hasSize(1);
    }
}
