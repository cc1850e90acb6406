package com.sovera.console.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.sandbox.Training;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard from anywhere in the tree: an existing customer with a key the operator has, an existing user found
 * by e-mail, an existing wallet; another address, wallet or user after a verified one; and a support action's
 * start point. The stepper says of each object whether it was reused or created, and the sandbox holds exactly
 * what was asked for.
 */
class ContinueTheTreeTest {

    @TempDir
    Path data;

    private SandboxServer sandbox;
    private Wizard wizard;
    private SovxClient owner;

    @BeforeEach
    void open() {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(30));
        wizard = new Wizard(sandbox, data, new SameThreadTaskRunner(), RetryPolicy.NONE).signedIn();
        owner = SovxClient.builder(sandbox.baseUrl()).build();
        owner.credentials().useOwnerKey(sandbox.demo().ownerKey());
    }

    @AfterEach
    void close() {
        owner.close();
        wizard.close();
        sandbox.close();
    }

    private OnboardingViewModel model() {
        return wizard.model;
    }

    private long users() {
        return owner.api().listUsers(Filter.page(1, 0).asQuery()).execute().total();
    }

    private List<Wallet> walletsOf(String userId) {
        return owner.api().listUserWallets(userId, Filter.page(100, 0).asQuery()).execute().rows();
    }

    private List<DepositAddress> addressesOf(String walletId) {
        return owner.api().listWalletAddresses(walletId, Filter.page(100, 0).asQuery()).execute().rows();
    }

    /** The demo customer, its key pasted, as an operator continuing yesterday's onboarding does. */
    private void existingCustomerWithPastedKey() {
        model().customerOrigin.set(OnboardingViewModel.Origin.EXISTING);
        model().existingCustomerId.set(DemoAccount.CUSTOMER_ID);
        assertThat(model().stateProperty().get().actionLabel()).isEqualTo("_Use customer");
        model().act();
        assertThat(wizard.step()).isEqualTo(Step.CREDENTIALS);
        assertThat(model().summary(Step.CUSTOMER).get()).isEqualTo("Customer demo-customer (existing)");
        model().keySource.set(OnboardingViewModel.KeySource.PASTE);
        model().pastedKey.set(sandbox.demo().ownerKey());
        assertThat(model().stateProperty().get().actionLabel()).isEqualTo("_Use key");
        model().act();
        assertThat(wizard.step()).isEqualTo(Step.USER);
        assertThat(model().pastedKey.get()).as("the pasted key leaves the form").isEmpty();
    }

    @Test
    void anExistingCustomerUserAndWalletGetAFreshAddressAndNothingElseIsCreated() {
        long usersBefore = users();
        existingCustomerWithPastedKey();
        User someone = owner.api().listUsers(Filter.page(1, 4).asQuery()).execute().rows().get(0);
        model().userOrigin.set(OnboardingViewModel.Origin.EXISTING);
        model().userQuery.set(someone.email().substring(0, someone.email().indexOf('@')));
        model().findUsers();
        assertThat(model().picker().users()).extracting(User::userId).contains(someone.userId());
        model().chosenUser.set(someone);
        model().act();
        assertThat(wizard.step()).isEqualTo(Step.WALLET);
        assertThat(model().summary(Step.USER).get()).isEqualTo("User " + someone.email() + " (existing)");

        model().walletOrigin.set(OnboardingViewModel.Origin.EXISTING);
        List<Wallet> wallets = walletsOf(someone.userId());
        assertThat(model().picker().wallets()).extracting(Wallet::walletId)
                .containsExactlyInAnyOrderElementsOf(wallets.stream().map(Wallet::walletId).toList());
        Wallet chosen = wallets.get(0);
        int addressesBefore = addressesOf(chosen.walletId()).size();
        model().chosenWallet.set(chosen);
        model().act();
        assertThat(model().summary(Step.WALLET).get()).endsWith("(existing)");
        model().act();

        assertThat(model().depositProperty().get().ok()).isTrue();
        assertThat(model().depositProperty().get().address().walletId()).isEqualTo(chosen.walletId());
        assertThat(addressesOf(chosen.walletId())).hasSize(addressesBefore + 1);
        assertThat(walletsOf(someone.userId())).hasSameSizeAs(wallets);
        assertThat(users()).isEqualTo(usersBefore);
    }

    @Test
    void aKeyRevokedElsewhereInTheConsoleIsDroppedByTheWizard() {
        existingCustomerWithPastedKey();
        String key = sandbox.demo().ownerKey();
        model().keyRevoked(DemoAccount.CUSTOMER_ID, "zzzz");
        assertThat(wizard.client.credentials().hasOwnerKey()).as("another key: kept").isTrue();
        model().keyRevoked(DemoAccount.CUSTOMER_ID, key.substring(key.length() - 4));
        assertThat(wizard.client.credentials().hasOwnerKey()).isFalse();
        assertThat(wizard.step()).isEqualTo(Step.CREDENTIALS);
        assertThat(model().stateProperty().get().isDone(Step.CREDENTIALS)).isFalse();
    }

    @Test
    void aKeyRevokedBehindTheWizardsBackSendsItToTheCredentialsStepNotToThePasswordPrompt() {
        try (SovxClient session = SovxClient.builder(sandbox.baseUrl()).build()) {
            session.credentials().useSession(session.api().login(new LoginRequest(DemoAccount.EMAIL,
                    DemoAccount.PASSWORD)).execute());
            String key = session.api().createCredentials(DemoAccount.CUSTOMER_ID, null).execute().customerSecret();
            model().customerOrigin.set(OnboardingViewModel.Origin.EXISTING);
            model().existingCustomerId.set(DemoAccount.CUSTOMER_ID);
            model().act();
            model().keySource.set(OnboardingViewModel.KeySource.PASTE);
            model().pastedKey.set(key);
            model().act();
            assertThat(wizard.step()).isEqualTo(Step.USER);
            String keyId = session.api().listCredentials(DemoAccount.CUSTOMER_ID, Filter.page(100, 0).asQuery())
                    .execute().rows().stream().filter(k -> key.endsWith(k.lastFour())).findFirst().orElseThrow()
                    .keyId();
            session.api().revokeCredential(DemoAccount.CUSTOMER_ID, keyId).execute();
        }
        wizard.user("late.revoke@tree.example").model.act();
        assertThat(model().needsSignInProperty().get()).isFalse();
        assertThat(wizard.step()).isEqualTo(Step.CREDENTIALS);
        assertThat(model().problemProperty().get().recovery()).contains("owner key was refused");
        assertThat(wizard.client.credentials().hasOwnerKey()).isFalse();
        assertThat(model().input(Field.USER_EMAIL).get()).as("what was typed is kept")
                .isEqualTo("late.revoke@tree.example");
    }

    @Test
    void aKeyTheServerRefusesIsNotUsedAndTheOperatorIsTold() {
        model().customerOrigin.set(OnboardingViewModel.Origin.EXISTING);
        model().existingCustomerId.set(DemoAccount.CUSTOMER_ID);
        model().act();
        model().keySource.set(OnboardingViewModel.KeySource.PASTE);
        model().pastedKey.set("sxs_not-a-real-key-000000000000000");
        model().act();
        assertThat(wizard.step()).isEqualTo(Step.CREDENTIALS);
        assertThat(model().problemProperty().get().code()).isEqualTo("UNAUTHORIZED");
        assertThat(model().needsSignInProperty().get()).as("a refused key is not a lapsed session").isFalse();
        assertThat(wizard.client.credentials().hasOwnerKey()).isFalse();
        assertThat(model().stateProperty().get().isDone(Step.CREDENTIALS)).isFalse();
    }

    @Test
    void anUnknownCustomerIsRefusedWithTheServersAnswer() {
        model().customerOrigin.set(OnboardingViewModel.Origin.EXISTING);
        model().existingCustomerId.set("no-such-customer");
        model().act();
        assertThat(wizard.step()).isEqualTo(Step.CUSTOMER);
        assertThat(model().problemProperty().get().code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void afterAVerifiedAddressAnotherAddressWalletAndUserContinueTheSameTree() {
        existingCustomerWithPastedKey();
        long usersBefore = users();
        wizard.user("new.user@tree.example").model.act();
        assertThat(model().summary(Step.USER).get()).endsWith("(created)");
        wizard.wallet("Tree BTC").model.act();
        model().act();
        String userId = model().progress().userId();
        String walletId = model().progress().walletId();
        String first = model().depositProperty().get().address().address();

        model().anotherAddress();
        assertThat(wizard.step()).isEqualTo(Step.ADDRESS);
        assertThat(model().summary(Step.WALLET).get()).endsWith("(existing)");
        model().act();
        assertThat(model().depositProperty().get().ok()).isTrue();
        assertThat(addressesOf(walletId)).extracting(DepositAddress::address).hasSize(2).contains(first);

        model().anotherWallet();
        assertThat(wizard.step()).isEqualTo(Step.WALLET);
        model().walletCurrency.set("ETH");
        wizard.wallet("Tree ETH").model.act();
        model().act();
        assertThat(model().depositProperty().get().address().network()).isEqualTo("ethereum-sepolia");
        assertThat(walletsOf(userId)).extracting(Wallet::currency).containsExactlyInAnyOrder("BTC", "ETH");

        model().anotherUser();
        assertThat(wizard.step()).isEqualTo(Step.USER);
        assertThat(model().input(Field.USER_EMAIL).get()).isEmpty();
        wizard.user("second.user@tree.example").model.act();
        wizard.wallet("Second BTC").model.act();
        model().act();
        assertThat(model().depositProperty().get().ok()).isTrue();
        assertThat(users()).isEqualTo(usersBefore + 2);
        assertThat(model().summary(Step.CUSTOMER).get()).isEqualTo("Customer demo-customer (existing)");
    }

    @Test
    void aSupportActionStartsTheWizardAtTheWalletOfAnExistingUser() {
        User someone = owner.api().listUsers(Filter.page(1, 9).asQuery()).execute().rows().get(0);
        int walletsBefore = walletsOf(someone.userId()).size();
        try (SovxClient session = SovxClient.builder(sandbox.baseUrl()).build()) {
            session.credentials().useSession(session.api().login(new LoginRequest(DemoAccount.EMAIL,
                    DemoAccount.PASSWORD)).execute());
            var customer = session.api().getCustomer(DemoAccount.CUSTOMER_ID).execute();
            model().startFrom(new OnboardingViewModel.StartPoint(customer.customerId(), customer.email(),
                    customer.entityName(), sandbox.demo().ownerKey(), someone, null));
        }
        assertThat(wizard.step()).isEqualTo(Step.WALLET);
        assertThat(model().stateProperty().get().isDone(Step.CREDENTIALS)).isTrue();
        assertThat(model().summary(Step.USER).get()).isEqualTo("User " + someone.email() + " (existing)");
        model().walletCurrency.set("USDC");
        wizard.wallet("Support USDC").model.act();
        model().act();
        assertThat(model().depositProperty().get().ok()).isTrue();
        assertThat(walletsOf(someone.userId())).hasSize(walletsBefore + 1);
    }

    @Test
    void aUserSearchThatFailsSaysWhatFailedWithItsTraceId() {
        existingCustomerWithPastedKey();
        model().userOrigin.set(OnboardingViewModel.Origin.EXISTING);
        model().userQuery.set("demo");
        sandbox.training().arm("GET /users", Training.Fault.INTERNAL_ERROR, 1);
        model().findUsers();
        assertThat(model().picker().usersMessageProperty().get())
                .matches("The users could not be searched \\(INTERNAL_ERROR, trace id [0-9a-f-]{36}\\): try again\\.");
        model().findUsers();
        assertThat(model().picker().users()).isNotEmpty();
    }

    @Test
    void addWalletStartsWithAnEmptyWalletFormNotThePreviousRunsWallet() {
        existingCustomerWithPastedKey();
        model().input(Field.WALLET_NAME).set("Last run's wallet");
        model().walletCurrency.set("ETH");
        User someone = owner.api().listUsers(Filter.page(1, 4).asQuery()).execute().rows().get(0);

        model().startFrom(new OnboardingViewModel.StartPoint(DemoAccount.CUSTOMER_ID, null, null,
                sandbox.demo().ownerKey(), someone, null));
        assertThat(wizard.step()).isEqualTo(Step.WALLET);
        assertThat(model().input(Field.WALLET_NAME).get()).as("the wallet name").isEmpty();
        assertThat(model().walletCurrency.get()).as("the currency").isEqualTo("BTC");
        assertThat(model().walletOrigin.get()).isEqualTo(OnboardingViewModel.Origin.NEW);
    }
}
