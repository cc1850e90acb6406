package com.sovera.console.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.Customer;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.chain.Addresses;
import com.sovera.console.chain.Network;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.MutableClock;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.sandbox.Training;
import com.sovera.console.ui.task.ManualTaskRunner;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import com.sovera.console.session.SessionEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard's rules and recovery, driven through its view model against the real sandbox, without a window:
 * the guide's path, an expired session, a rate limit with Back, a new onboarding during a countdown, a late
 * answer, a resume, and typed input surviving a crash.
 */
class OnboardingViewModelTest {

    @TempDir
    Path data;

    private SandboxServer sandbox;
    private Wizard wizard;

    private Wizard open(SandboxConfig config) {
        sandbox = SandboxServer.start(config);
        wizard = new Wizard(sandbox, data, new SameThreadTaskRunner(), RetryPolicy.NONE);
        return wizard;
    }

    @AfterEach
    void close() {
        if (wizard != null) {
            wizard.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private SovxClient signedInClient() {
        SovxClient c = SovxClient.builder(sandbox.baseUrl()).build();
        c.credentials().useSession(c.api().login(new LoginRequest(DemoAccount.EMAIL, DemoAccount.PASSWORD)).execute());
        return c;
    }

    private List<Customer> customers() {
        try (SovxClient c = signedInClient()) {
            return c.api().listCustomers(Filter.page(100, 0).asQuery()).execute().rows().stream()
                    .filter(cu -> !cu.customerId().equals(DemoAccount.CUSTOMER_ID)).toList();
        }
    }

    @Test
    void theGuidesPathEndsAtAVerifiedAddressWithOneOfEachAndNoSecretJournaled() throws Exception {
        Wizard w = open(SandboxConfig.inMemory().withDemoUsers(0)).signedIn();
        assertThat(w.step()).isEqualTo(Step.CUSTOMER);
        assertThat(w.session.accountProperty().get()).isEqualTo(DemoAccount.EMAIL);
        assertThat(w.model.input(Field.PASSWORD).get()).as("the password leaves the form").isEmpty();
        w.customer("acme-payments").model.act();
        assertThat(w.model.summary(Step.CUSTOMER).get()).isEqualTo("Customer acme-payments (created)");
        assertThat(w.session.customerIdProperty().get()).isEqualTo("acme-payments");
        assertThat(w.model.stateProperty().get().actionLabel()).isEqualTo("_Mint owner key");
        String secret = w.credentials();
        w.user("ada@acme.example").model.act();
        w.wallet("Ada's BTC").model.act();
        assertThat(w.step()).isEqualTo(Step.ADDRESS);
        w.model.act();

        var deposit = w.model.depositProperty().get();
        assertThat(deposit.ok()).isTrue();
        assertThat(Addresses.isValid(deposit.address().address(), Network.BITCOIN_TESTNET)).isTrue();
        assertThat(w.model.stateProperty().get().actionLabel()).isEqualTo("_New customer");
        try (SovxClient check = SovxClient.builder(sandbox.baseUrl()).build()) {
            check.credentials().useOwnerKey(secret);
            assertThat(check.api().listUsers(Filter.none().asQuery()).execute().total()).isOne();
            assertThat(check.api().listWallets(Filter.none().asQuery()).execute().total()).isOne();
            assertThat(check.api().listAddresses(Filter.none().asQuery()).execute().rows()).singleElement()
                    .satisfies(a -> assertThat(a.address()).isEqualTo(deposit.address().address()));
        }
        w.journal.flush();
        String journal = Files.readString(w.journal.file(), StandardCharsets.UTF_8);
        assertThat(journal).contains("acme-payments").doesNotContain(secret).doesNotContain(DemoAccount.PASSWORD);
    }

    @Test
    void anExpiredSessionAsksForThePasswordThenCreatesWhatTheFormHoldsNow() {
        MutableClock clock = new MutableClock();
        Wizard w = open(SandboxConfig.inMemory().withDemoUsers(0).withClock(clock)
                .withSessionTtl(Duration.ofMinutes(5))).signedIn();
        clock.advance(Duration.ofMinutes(6));
        w.customer("late-corp").model.act();
        assertThat(w.model.needsSignInProperty().get()).isTrue();
        assertThat(w.model.problemProperty().get().code()).isEqualTo("TOKEN_EXPIRED");
        assertThat(w.model.stateProperty().get().canGoBack()).as("Back waits for the sign-in").isFalse();

        // the operator corrects the still-editable fields while the password prompt is up
        w.set(Field.CUSTOMER_ID, "late-corp-ltd");
        w.set(Field.ENTITY_NAME, "Late Corp Ltd");
        w.model.reloginPassword.set(DemoAccount.PASSWORD);
        w.model.signInAgain();

        assertThat(w.step()).isEqualTo(Step.CREDENTIALS);
        assertThat(w.model.needsSignInProperty().get()).isFalse();
        assertThat(customers()).as("created once, with the values on screen when it was sent").singleElement()
                .satisfies(c -> {
                    assertThat(c.customerId()).isEqualTo("late-corp-ltd");
                    assertThat(c.entityName()).isEqualTo("Late Corp Ltd");
                });
    }

    @Test
    void aRateLimitCountsDownWithBackShutAndRetriesTheStepItHit() {
        Wizard w = open(SandboxConfig.inMemory().withDemoUsers(0)).signedIn();
        sandbox.training().arm("POST /customers", Training.Fault.RATE_LIMITED, 1);
        w.customer("busy-corp").model.act();
        assertThat(w.model.retryInProperty().get()).isEqualTo(2);
        assertThat(w.model.statusProperty().get()).isEqualTo("Rate limited by the server: retrying in 2 s");
        assertThat(w.model.stateProperty().get().canGoBack()).isFalse();
        w.model.back();
        assertThat(w.step()).as("Back does nothing while the retry waits").isEqualTo(Step.CUSTOMER);
        assertThat(w.model.stateProperty().get().canAct()).isFalse();

        w.scheduler.advance(Duration.ofSeconds(1));
        assertThat(w.model.statusProperty().get()).isEqualTo("Rate limited by the server: retrying in 1 s");
        w.scheduler.advance(Duration.ofSeconds(1));
        assertThat(w.step()).isEqualTo(Step.CREDENTIALS);
        assertThat(w.model.statusProperty().get()).isEmpty();
        assertThat(customers()).extracting(Customer::customerId).containsExactly("busy-corp");
    }

    @Test
    void aNewOnboardingStopsTheCountdownAndNothingIsSentLater() {
        Wizard w = open(SandboxConfig.inMemory().withDemoUsers(0)).signedIn();
        sandbox.training().arm("POST /customers", Training.Fault.RATE_LIMITED, 1);
        w.customer("never-corp").model.act();
        assertThat(w.model.retryInProperty().get()).isEqualTo(2);

        w.model.startOver();
        assertThat(w.model.retryInProperty().get()).isZero();
        assertThat(w.model.statusProperty().get()).isEmpty();
        assertThat(w.model.input(Field.CUSTOMER_ID).get()).isEmpty();
        w.scheduler.advance(Duration.ofSeconds(30));
        assertThat(w.step()).isEqualTo(Step.CUSTOMER);
        assertThat(customers()).as("the waiting retry was dropped with its onboarding").isEmpty();
    }

    @Test
    void anAnswerForAnOnboardingStartedOverNeverReachesTheNewOne() {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
        ManualTaskRunner runner = new ManualTaskRunner();
        wizard = new Wizard(sandbox, data, runner, RetryPolicy.NONE);
        wizard.signedIn();
        runner.runAll();
        wizard.signedIn(); // the second act: sign-in, once connectivity answered
        runner.runAll();
        assertThat(wizard.step()).isEqualTo(Step.CUSTOMER);
        wizard.customer("first-corp").model.act();
        assertThat(wizard.model.busyProperty().get()).isTrue();
        wizard.model.startOver();
        runner.runAll(); // the create answers now, after the operator moved on

        assertThat(wizard.step()).isEqualTo(Step.CUSTOMER);
        assertThat(wizard.model.summary(Step.CUSTOMER).get()).isEmpty();
        assertThat(wizard.session.customerIdProperty().get()).isNull();
        assertThat(wizard.model.progress().customer()).isNull();
        assertThat(wizard.model.busyProperty().get()).isFalse();
    }

    @Test
    void aConflictMarksTheFieldTheServerNamedAndKeepsEverythingTyped() {
        Wizard w = open(SandboxConfig.inMemory().withDemoUsers(0)).signedIn();
        try (SovxClient other = signedInClient()) {
            other.api().createCustomer(new NewCustomer("x@taken.example", "taken-id", "Someone else"), null).execute();
        }
        w.customer("taken-id").model.act();
        assertThat(w.model.problemProperty().get().code()).isEqualTo("CONFLICT");
        assertThat(w.model.problemProperty().get().traceId()).isNotBlank();
        assertThat(w.model.serverFieldErrors()).containsKey(Field.CUSTOMER_ID);
        assertThat(w.model.input(Field.ENTITY_NAME).get()).isEqualTo("Acme Payments Ltd");
        assertThat(w.step()).isEqualTo(Step.CUSTOMER);
    }

    @Test
    void aResumedOnboardingCreatesNothingTwice() {
        Wizard first = open(SandboxConfig.inMemory().withDemoUsers(0)).signedIn();
        first.customer("resume-corp").model.act();
        first.credentials();
        first.user("grace@resume.example").model.act();
        assertThat(first.step()).isEqualTo(Step.WALLET);
        first.close();

        // the console went away after the user step: a new one opens over the same data directory
        wizard = new Wizard(sandbox, data, new SameThreadTaskRunner(), RetryPolicy.NONE);
        Progress saved = wizard.journal.unfinished().orElseThrow();
        wizard.model.resume(saved);
        assertThat(wizard.model.input(Field.USER_EMAIL).get()).isEqualTo("grace@resume.example");
        wizard.signedIn();
        assertThat(wizard.model.stateProperty().get().actionLabel()).isEqualTo("_Next");
        wizard.model.act(); // the customer exists
        assertThat(wizard.model.keyLostProperty().get()).isTrue();
        String secret = wizard.credentials();
        assertThat(wizard.model.stateProperty().get().actionLabel()).isEqualTo("_Next");
        wizard.model.act(); // the user exists
        wizard.wallet("Grace's BTC").model.act();
        wizard.model.act();
        assertThat(wizard.model.depositProperty().get().ok()).isTrue();
        assertThat(customers()).extracting(Customer::customerId).containsExactly("resume-corp");
        try (SovxClient check = SovxClient.builder(sandbox.baseUrl()).build()) {
            check.credentials().useOwnerKey(secret);
            assertThat(check.api().listUsers(Filter.none().asQuery()).execute().total()).isOne();
            assertThat(check.api().listWallets(Filter.none().asQuery()).execute().total()).isOne();
        }
    }

    @Test
    void whatIsTypedIsJournaledAMomentLaterAndComesBackAfterACrash() {
        Wizard w = open(SandboxConfig.inMemory().withDemoUsers(0)).signedIn();
        w.customer("draft-corp");
        w.scheduler.advance(Duration.ofSeconds(1));
        w.journal.flush();
        // the console is killed here; a new one reads the journal
        Progress saved = new Journal(data).unfinished().orElseThrow();
        assertThat(saved.customer().customerId()).isEqualTo("draft-corp");
        assertThat(saved.customer().created()).isFalse();
        Wizard again = new Wizard(sandbox, data.resolve("unused"), new SameThreadTaskRunner(), RetryPolicy.NONE);
        again.model.resume(saved);
        assertThat(again.model.input(Field.ENTITY_NAME).get()).isEqualTo("Acme Payments Ltd");
        again.close();
    }

    @Test
    void signingOutTakesTheKeyOffTheScreenAndKeepsTheTypedInput() {
        Wizard w = open(SandboxConfig.inMemory().withDemoUsers(0)).signedIn();
        w.customer("gone-corp").model.act();
        w.model.act();
        assertThat(w.model.secret.get()).isNotNull();
        w.model.signedOut();
        assertThat(w.model.secret.get()).isNull();
        assertThat(w.step()).isEqualTo(Step.LOGIN);
        assertThat(w.model.input(Field.CUSTOMER_ID).get()).isEqualTo("gone-corp");
    }

    @Test
    void aSignOutTakesTheWriteConfirmationWithIt() {
        Wizard w = open(SandboxConfig.inMemory().withDemoUsers(0));
        int[] asked = {0};
        w.model.setWriteGuard(() -> {
            asked[0]++;
            return true;
        });
        w.signedIn().customer("first-corp").model.act();
        w.model.startOver();
        w.customer("second-corp").model.act();
        assertThat(asked[0]).as("one confirmation for the session's writes").isEqualTo(1);

        w.signOut();
        w.signedInAgain();
        w.model.startOver();
        w.customer("third-corp").model.act();
        assertThat(asked[0]).as("the next session asks again").isEqualTo(2);
        assertThat(customers()).extracting(Customer::customerId)
                .containsExactlyInAnyOrder("first-corp", "second-corp", "third-corp");
    }

    @Test
    void aMintAnsweringAsTheOperatorSignsOutPutsNoKeyBackIntoTheClient() {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
        Runnable[] whenMinted = {() -> { }};
        SovxClient client = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE)
                .networkInterceptor(chain -> {
                    okhttp3.Response answer = chain.proceed(chain.request());
                    if (chain.request().url().encodedPath().endsWith("/credentials")) {
                        whenMinted[0].run(); // the answer is in; the worker has not handed it over yet
                    }
                    return answer;
                }).build();
        wizard = new Wizard(client, data, new SameThreadTaskRunner());
        wizard.signedIn().customer("late-corp").model.act();
        whenMinted[0] = wizard::signOut;
        wizard.model.act(); // the mint

        assertThat(wizard.client.credentials().hasOwnerKey()).as("no key in the client").isFalse();
        assertThat(wizard.model.secret.get()).as("no key on screen").isNull();
        assertThat(wizard.step()).isEqualTo(Step.LOGIN);
    }

    @Test
    void productionPreselectsNoNetworkAndTheAddressWaitsForTheOperatorsChoice() {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
        wizard = new Wizard(SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE).build(), data,
                new SameThreadTaskRunner(), com.sovera.console.config.Environment.custom(sandbox.baseUrl()));
        wizard.signedIn().customer("prod-corp").model.act();
        wizard.credentials();
        wizard.user("ada@prod-corp.example").model.act();
        wizard.wallet("Treasury").model.act();
        assertThat(wizard.step()).isEqualTo(Step.ADDRESS);
        assertThat(wizard.model.network.get()).as("no network chosen for the operator").isNull();
        assertThat(wizard.model.stateProperty().get().canAct()).as("nothing to send until one is picked").isFalse();

        wizard.model.walletCurrency.set("ETH");
        assertThat(wizard.model.network.get()).as("another currency: still no choice made").isNull();
        wizard.model.walletCurrency.set("BTC");
        wizard.model.network.set(Network.BITCOIN_TESTNET.id());
        wizard.model.act();
        assertThat(wizard.model.depositProperty().get().ok()).isTrue();
    }

    @Test
    void aSandboxPreselectsItsTestNetwork() {
        Wizard w = open(SandboxConfig.inMemory().withDemoUsers(0));
        assertThat(w.model.network.get()).isEqualTo(Network.BITCOIN_TESTNET.id());
        w.model.walletCurrency.set("ETH");
        assertThat(w.model.network.get()).isEqualTo(Network.ETHEREUM_SEPOLIA.id());
    }

    @Test
    void signedInAgainTheCredentialsStepOffersTheKeyTheOperatorStoredNotAnotherMint() {
        Wizard w = open(SandboxConfig.inMemory().withDemoUsers(0)).signedIn();
        w.customer("again-corp").model.act();
        String key = w.credentials();
        assertThat(w.step()).isEqualTo(Step.USER);

        w.signOut();
        assertThat(w.model.summary(Step.LOGIN).get()).as("the stepper after sign-out").isEmpty();
        w.signedInAgain();
        w.model.act(); // the customer step: done already
        assertThat(w.step()).isEqualTo(Step.CREDENTIALS);
        assertThat(w.model.keySource.get()).as("where the key comes from").isEqualTo(
                OnboardingViewModel.KeySource.PASTE);
        assertThat(w.model.keySourcesOffered()).as("paste and keychain offered beside mint").isTrue();
        assertThat(w.model.keychainReason()).as("why the keychain is greyed").isNotEmpty();
        w.model.pastedKey.set(key);
        w.model.act();
        assertThat(w.step()).isEqualTo(Step.USER);
        assertThat(w.model.secret.get()).as("no second key minted").isNull();
    }

    @Test
    void signingOutAsksBeforeDroppingAKeyShownOnceAndTheNextSignInNamesIt() {
        Wizard w = open(SandboxConfig.inMemory().withDemoUsers(0)).signedIn();
        w.customer("stored-corp").model.act();
        w.credentials(); // minted and confirmed: nothing to ask, nothing to name
        w.model.startOver();
        w.customer("shown-corp").model.act();
        w.model.act(); // minted, on screen, not confirmed
        String key = w.model.secret.get();
        List<String> asked = new java.util.ArrayList<>();

        assertThat(w.sessions.signOut((title, text, options) -> {
            asked.add(text);
            return options.indexOf("_Stay");
        })).as("the operator stays").isFalse();
        assertThat(asked).singleElement().asString().contains("ending in " + key.substring(key.length() - 4));
        // closing the window asks the same question in its own words
        assertThat(w.sessions.mayClose(SessionEnd.CLOSE_WINDOW, (title, text, options) -> {
            asked.add(title + " " + text + " " + options);
            return options.indexOf("_Stay");
        })).isFalse();
        assertThat(asked.get(1)).startsWith("Close the console? The owner key ending in " + key.substring(
                key.length() - 4)).contains("Closing the console takes it off the screen").endsWith("[_Close, _Stay]");
        assertThat(w.model.secret.get()).as("still on screen").isEqualTo(key);
        assertThat(w.session.accountProperty().get()).isNotNull();

        assertThat(w.sessions.signOut((title, text, options) -> options.indexOf("Sign _out"))).isTrue();
        assertThat(w.model.secret.get()).isNull();
        w.signedInAgain();
        assertThat(w.session.takeUnconfirmedKeys()).extracting(k -> k.describe()).containsExactly("Key …"
                + key.substring(key.length() - 4) + " of shown-corp was minted and never confirmed.");
    }

    @Test
    void aLookupsDeskSignsInAndUsesWhatExistsButCreatesAndMintsNothing() {
        Wizard w = open(SandboxConfig.inMemory().withDemoUsers(1));
        w.model.setLookupsOnly(true);
        w.signedIn();
        assertThat(w.step()).as("signing in is no write").isEqualTo(Step.CUSTOMER);

        // a new customer, filled in: its action is offered disabled, with the reason
        w.customer("lookups-corp");
        WizardState create = w.model.stateProperty().get();
        assertThat(create.inputsReady()).isFalse();
        assertThat(create.refusal()).isEqualTo(com.sovera.console.policy.Policy.LOOKUPS_ONLY);
        w.model.act();
        assertThat(customers()).as("nothing created").isEmpty();

        // an existing customer is used; minting its key is refused, pasting it is not
        w.model.customerOrigin.set(OnboardingViewModel.Origin.EXISTING);
        w.model.existingCustomerId.set(DemoAccount.CUSTOMER_ID);
        assertThat(w.model.stateProperty().get().refusal()).isNull();
        w.model.act();
        assertThat(w.step()).isEqualTo(Step.CREDENTIALS);
        w.model.keySource.set(OnboardingViewModel.KeySource.MINT);
        assertThat(w.model.stateProperty().get().refusal()).as("mint").isNotNull();
        assertThat(w.model.stateProperty().get().inputsReady()).isFalse();
        w.model.keySource.set(OnboardingViewModel.KeySource.PASTE);
        w.model.pastedKey.set(sandbox.demo().ownerKey());
        assertThat(w.model.stateProperty().get().refusal()).isNull();
        w.model.act();
        assertThat(w.step()).isEqualTo(Step.USER);
        w.user("new@lookups.example");
        assertThat(w.model.stateProperty().get().refusal()).as("a new user").isNotNull();
        w.model.act();
        assertThat(w.step()).isEqualTo(Step.USER);

        // the same wizard on a desk that writes creates the customer
        w.model.setLookupsOnly(false);
        assertThat(w.model.stateProperty().get().refusal()).isNull();
        assertThat(w.model.stateProperty().get().inputsReady()).isTrue();
    }

    @Test
    void aLookupsDeskDoesNotResumeAnOnboarding() {
        Wizard first = open(SandboxConfig.inMemory().withDemoUsers(0)).signedIn();
        first.customer("resume-corp").model.act();
        first.close();
        wizard = new Wizard(sandbox, data, new SameThreadTaskRunner(), RetryPolicy.NONE);
        wizard.model.setLookupsOnly(true);
        wizard.model.resume(wizard.journal.unfinished().orElseThrow());
        assertThat(wizard.model.progress().customerId()).as("nothing of it taken up").isNull();
        assertThat(wizard.model.input(Field.CUSTOMER_ID).get()).isEmpty();
    }

    @Test
    void aPastedKeyWhoseCheckRunsAfterSignOutIsNotLeftInTheClient() {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
        ManualTaskRunner runner = new ManualTaskRunner();
        wizard = new Wizard(sandbox, data, runner, RetryPolicy.NONE);
        wizard.signedIn();
        runner.runAll();
        wizard.signedIn();
        runner.runAll();
        wizard.model.customerOrigin.set(OnboardingViewModel.Origin.EXISTING);
        wizard.model.existingCustomerId.set(DemoAccount.CUSTOMER_ID);
        wizard.model.act();
        runner.runAll();
        assertThat(wizard.step()).isEqualTo(Step.CREDENTIALS);
        wizard.model.keySource.set(OnboardingViewModel.KeySource.PASTE);
        wizard.model.pastedKey.set(sandbox.demo().ownerKey());
        wizard.model.act(); // the key's check waits for a worker
        wizard.signOut();
        runner.runAll(); // the worker gets to it after the sign-out

        assertThat(wizard.client.credentials().hasOwnerKey()).as("no key in the client").isFalse();
        assertThat(wizard.step()).isEqualTo(Step.LOGIN);
    }

    @Test
    void aSignInAnsweringAfterASignOutLeavesNoSessionInTheClient() {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
        ManualTaskRunner runner = new ManualTaskRunner();
        wizard = new Wizard(sandbox, data, runner, RetryPolicy.NONE);
        wizard.model.act();
        runner.runAll(); // connected
        wizard.model.act(); // the sign-in waits for a worker
        wizard.signOut(); // the idle sign-out, say, gets there first
        runner.runAll();

        assertThat(wizard.client.credentials().session()).as("no session token in the client").isEmpty();
        assertThat(wizard.session.accountProperty().get()).isNull();
    }

    @Test
    void anIdleSignOutTakesAKeyPastedIntoTheWizardWithNoAccountSignedIn() {
        Wizard w = open(SandboxConfig.inMemory().withDemoUsers(0));
        w.model.pastedKey.set(sandbox.demo().ownerKey()); // pasted before signing in, and the desk left
        com.sovera.console.session.IdleSignOut idle = new com.sovera.console.session.IdleSignOut(w.sessions,
                w.scheduler, w.scheduler.clock(java.time.Instant.parse("2026-03-12T09:00:00Z")), 5);
        w.scheduler.advance(Duration.ofMinutes(5));
        assertThat(w.model.pastedKey.get()).as("the pasted key").isEmpty();
        assertThat(idle.noticeProperty().get()).startsWith("Signed out after 5 minutes");
    }
}
