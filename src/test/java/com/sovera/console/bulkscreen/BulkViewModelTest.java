package com.sovera.console.bulkscreen;

import com.sovera.console.session.IdleSignOut;
import com.sovera.console.session.SessionEnd;
import com.sovera.console.session.SessionService;
import com.sovera.console.session.SessionState;
import com.sovera.console.session.Sessions;
import com.sovera.console.ui.task.ManualScheduler;
import com.sovera.console.ui.task.SameThreadTaskRunner;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.CallRecord;
import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.NewUser;
import com.sovera.console.bulk.BulkImports;
import com.sovera.console.bulk.BulkRun;
import com.sovera.console.bulk.Column;
import com.sovera.console.bulk.Preview;
import com.sovera.console.bulk.ResultLine;
import com.sovera.console.config.Environment;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.sandbox.Training;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk screen's rules without a window, against the real embedded sandbox over HTTP: a file's preview with
 * its counts, errors and existing users; a fix in place; the errors exported; runs to results (skipping the
 * invalid rows, paused, resumed, cancelled); an unfinished run offered and resumed with nothing created twice;
 * the production confirmation refused, and nothing sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-12T09:00:00Z"), ZoneOffset.UTC);
    private static final String FILE = """
            user_type,email,first_name,last_name,phone,date_of_birth,country,wallets
            individual,ADA@example.com,Ada,Lovelace,+442071234567,1985-12-10,GB,BTC;USDC:ethereum-sepolia
            business,grace@example.com,Grace,Hopper,+12025550100,1960-12-09,US,ETH
            individual,bad@example,Bad,Row,+12025550101,1990-01-01,US,DOGE
            individual,Grace@Example.com,Grace,Again,+12025550102,1961-01-01,US,BTC
            """;

    @TempDir
    Path dir;

    private SandboxServer sandbox;
    private final List<CallRecord> calls = new CopyOnWriteArrayList<>();
    private SovxClient client;
    private String customer;
    private String key;
    private Path data;

    @BeforeAll
    void start() {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @BeforeEach
    void newCustomer() throws Exception {
        customer = "bulkui-" + UUID.randomUUID().toString().substring(0, 8);
        try (SovxClient admin = SovxClient.builder(sandbox.baseUrl()).build()) {
            admin.credentials().useSession(admin.api().login(new LoginRequest(DemoAccount.EMAIL,
                    DemoAccount.PASSWORD)).execute());
            admin.api().createCustomer(new NewCustomer("ops@" + customer + ".example", customer, "Bulk Ltd"), null)
                    .execute();
            key = admin.api().createCredentials(customer, null).execute().customerSecret();
        }
        calls.clear();
        client = SovxClient.builder(sandbox.baseUrl()).activity(calls::add).build();
        data = Files.createDirectories(dir.resolve("data-" + customer));
    }

    @AfterEach
    void closeClient() {
        sandbox.training().clear();
        client.close();
    }

    private BulkViewModel model(ConfinedRunner runner) {
        return model(runner, client, Environment.EMBEDDED_SANDBOX);
    }

    private BulkViewModel model(ConfinedRunner runner, SovxClient base, Environment environment) {
        BulkViewModel model = new BulkViewModel(Sessions.calls(base, runner), runner, environment, data, CLOCK);
        model.useCustomer(customer, key);
        return model;
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private SovxClient checker() {
        SovxClient c = SovxClient.builder(sandbox.baseUrl()).build();
        c.credentials().useOwnerKey(key);
        return c;
    }

    private long count(String what) {
        try (SovxClient c = checker()) {
            return switch (what) {
                case "users" -> c.api().listUsers(Filter.page(1, 0).asQuery()).execute().total();
                case "wallets" -> c.api().listWallets(Filter.page(1, 0).asQuery()).execute().total();
                default -> c.api().listAddresses(Filter.page(1, 0).asQuery()).execute().total();
            };
        }
    }

    private String createAda() {
        try (SovxClient c = checker()) {
            return c.api().createUser(new NewUser("individual", "ada@example.com", "Ada", "Lovelace",
                    "+442071234567", "1985-12-10", "GB"), null).execute().userId();
        }
    }

    private long posts() {
        return calls.stream().filter(c -> c.method().equals("POST")).count();
    }

    @Test
    void aFileWithErrorsIsPreviewedWithItsCountsTheErrorsOfEachRowAndTheUsersTheCustomerHas() throws Exception {
        String adaId = createAda();
        ConfinedRunner runner = new ConfinedRunner();
        BulkViewModel model = model(runner);
        model.open(file("users.csv", FILE));
        assertThat(model.busyProperty().get()).isEqualTo(BulkViewModel.Busy.READING);
        runner.runAll();

        PreviewViewModel preview = model.preview();
        assertThat(preview.countsProperty().get()).isEqualTo(new Preview.Counts(4, 2, 2, 1, 3));
        assertThat(preview.rows()).hasSize(4);
        assertThat(preview.rows().get(0).existingUserId()).as("Ada is reused, not created").isEqualTo(adaId);
        assertThat(preview.rows().get(1).isExisting()).isFalse();
        assertThat(preview.rows().get(2).error(Column.EMAIL)).isNotBlank();
        assertThat(preview.rows().get(2).error(Column.WALLETS)).contains("DOGE");
        assertThat(preview.rows().get(3).error(Column.EMAIL)).isEqualTo("Repeats the e-mail of row 2: one row per user.");
        assertThat(model.messageProperty().get()).isEqualTo("users.csv: 4 rows read; 2 with errors: fix them in the "
                + "table (double-click a cell) or export them.");
        assertThat(model.existingNoteProperty().get()).startsWith("Looked up for " + customer + ": 1 of these users");
        model.checkExisting(); // the key field left again: nothing changed, nothing is sent
        assertThat(runner.waiting()).isZero();
        assertThat(model.runHintProperty().get()).isEqualTo("Fix the 2 rows with errors in the table, or skip them.");
        assertThat(model.canRunProperty().get()).isFalse();
        model.start();
        assertThat(runner.waiting()).isZero();
        assertThat(posts()).as("nothing is sent while rows are invalid").isZero();

        preview.onlyErrors.set(true);
        assertThat(preview.shown()).extracting(r -> r.number()).containsExactly(3, 4);

        model.signedOut();
        assertThat(preview.rows().get(0).isExisting()).as("the marks were the key's").isFalse();
        assertThat(model.existingNoteProperty().get()).as("the line under the preview says so")
                .isEqualTo("Existing users are not looked up yet: enter the customer and paste its owner key.");
    }

    @Test
    void aCellFixedInPlaceMakesItsRowValidAndTheExportHoldsTheErrorsLeft() throws Exception {
        ConfinedRunner runner = new ConfinedRunner();
        BulkViewModel model = model(runner);
        model.open(file("users.csv", FILE));
        runner.runAll();
        PreviewViewModel preview = model.preview();
        preview.onlyErrors.set(true);

        preview.edit(preview.rows().get(2), Column.EMAIL, " bad@example.com ");
        assertThat(preview.rows().get(2).error(Column.EMAIL)).isNull();
        assertThat(preview.rows().get(2).isValid()).as("its wallets are still wrong").isFalse();
        preview.edit(preview.rows().get(2), Column.WALLETS, "BTC:bitcoin-testnet");
        assertThat(preview.rows().get(2).isValid()).isTrue();
        assertThat(preview.rows().get(2).cell(Column.EMAIL)).isEqualTo("bad@example.com");
        assertThat(preview.countsProperty().get()).isEqualTo(new Preview.Counts(4, 3, 1, 0, 4));
        assertThat(preview.shown()).as("a fixed row leaves the rows with errors").extracting(r -> r.number())
                .containsExactly(4);
        assertThat(preview.editsProperty().get()).isEqualTo(2);

        Path errors = dir.resolve("users-errors.csv");
        model.exportErrors(errors);
        runner.runAll();
        assertThat(Files.readAllLines(errors)).containsExactly("row,line,column,value,error",
                "4,5,email,Grace@Example.com,Repeats the e-mail of row 2: one row per user.");
        assertThat(model.messageProperty().get()).isEqualTo("Wrote the errors of 1 rows to " + errors + ".");
    }

    @Test
    void skippingTheInvalidRowsRunsToResultsThatReportThemAsValidationErrorsAndSavesThemWithoutASecret()
            throws Exception {
        String adaId = createAda();
        ConfinedRunner runner = new ConfinedRunner();
        BulkViewModel model = model(runner);
        model.open(file("users.csv", FILE));
        runner.runAll();
        model.skipInvalid.set(true);
        assertThat(model.canRunProperty().get()).isTrue();

        model.start();
        runner.runAll();

        RunViewModel run = model.run();
        assertThat(run.stateProperty().get()).isEqualTo(BulkRun.State.FINISHED);
        assertThat(run.results()).extracting(ResultLine::row, ResultLine::status, ResultLine::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "created", null),
                        org.assertj.core.groups.Tuple.tuple(1, "created", null),
                        org.assertj.core.groups.Tuple.tuple(2, "created", null),
                        org.assertj.core.groups.Tuple.tuple(3, "failed", "VALIDATION_ERROR"),
                        org.assertj.core.groups.Tuple.tuple(4, "failed", "VALIDATION_ERROR"));
        assertThat(run.results().get(0).userId()).isEqualTo(adaId);
        assertThat(run.results().subList(0, 3)).allSatisfy(l -> assertThat(l.address()).isNotBlank());
        assertThat(run.summaryProperty().get()).isEqualTo("Finished: 2 rows created, 0 already there (reused), "
                + "0 failed, 2 refused before sending (VALIDATION_ERROR).");
        assertThat(run.fractionProperty().get()).isEqualTo(1.0);
        assertThat(count("users")).isEqualTo(2);
        assertThat(count("wallets")).isEqualTo(3);
        assertThat(count("addresses")).isEqualTo(3);
        assertThat(model.preview().editsProperty().get()).isZero();

        Path saved = dir.resolve(model.resultsFileName());
        assertThat(saved.getFileName().toString()).isEqualTo("users-results.csv");
        run.saveResults(saved);
        runner.runAll();
        String csv = Files.readString(saved);
        assertThat(csv).startsWith(String.join(",", ResultLine.HEADER)).contains("VALIDATION_ERROR")
                .doesNotContain(key);
        assertThat(csv.lines()).hasSize(6);
        assertThat(run.saveMessageProperty().get()).isEqualTo("Saved 5 lines to " + saved + ".");
        assertThat(new BulkImports(data).unfinished()).as("a finished run leaves no journal").isEmpty();
    }

    @Test
    void aRunIsPausedResumedAndCancelledAndItsResultsListEveryRow() throws Exception {
        StringBuilder text = new StringBuilder(Column.headerLine()).append('\n');
        for (int i = 1; i <= 20; i++) {
            text.append(String.format("individual,pat%02d@example.com,Pat,Stop,+1202555%04d,1990-01-01,US,ETH%n", i, i));
        }
        Path users = file("many.csv", text.toString());
        ConfinedRunner runner = new ConfinedRunner();
        BulkViewModel model = model(runner);
        model.open(users);
        runner.runAll();
        RunViewModel run = model.run();

        model.start();
        runner.runNext(); // journaled, and under way on the run's own threads
        assertThat(run.stateProperty().get()).isEqualTo(BulkRun.State.RUNNING);
        assertThat(run.activeProperty().get()).isTrue();
        assertThat(model.canRunProperty().get()).isFalse();
        assertThat(model.runHintProperty().get()).isEqualTo("A run is under way.");

        run.pause();
        assertThat(run.stateProperty().get()).isEqualTo(BulkRun.State.PAUSED);
        assertThat(run.progressTextProperty().get()).endsWith(", paused");
        run.resume();
        assertThat(run.stateProperty().get()).isEqualTo(BulkRun.State.RUNNING);
        run.pause();
        run.cancel();
        runner.runAll(); // the run ends; its outcome comes back to this thread

        assertThat(run.stateProperty().get()).isEqualTo(BulkRun.State.CANCELLED);
        assertThat(run.results().stream().map(ResultLine::row).distinct()).hasSize(20);
        assertThat(run.results()).anySatisfy(l -> assertThat(l.errorCode()).isEqualTo("CANCELLED"));
        assertThat(run.summaryProperty().get()).startsWith("Cancelled: ").contains("not done (CANCELLED): import the"
                + " file again to finish them");
        assertThat(model.unfinished()).isEmpty();
        assertThat(model.canRunProperty().get()).as("the same file can be run again").isTrue();

        model.start(); // the operator runs it again: the rows done are found and reused
        runner.runAll();
        assertThat(run.stateProperty().get()).isEqualTo(BulkRun.State.FINISHED);
        assertThat(run.results()).extracting(ResultLine::status).doesNotContain("failed");
        assertThat(count("users")).isEqualTo(20);
        assertThat(count("wallets")).isEqualTo(20);
        assertThat(count("addresses")).isEqualTo(20);
    }

    @Test
    void anUnfinishedRunIsOfferedAtTheNextStartAndResumedWithTheKeyCreatingNothingTwice() throws Exception {
        StringBuilder text = new StringBuilder(Column.headerLine()).append('\n');
        for (int i = 1; i <= 6; i++) {
            text.append(String.format("individual,kim%d@example.com,Kim,Crash,+1202555%04d,1990-01-01,US,BTC%n", i, i));
        }
        Path users = file("crash.csv", text.toString());
        // the server acts on each new user, but answers too late for the client: the run finds no server,
        // stops short and keeps its journal, as a console killed mid-run leaves it
        sandbox.training().slowness(Duration.ofMillis(1500));
        sandbox.training().arm("POST /users", Training.Fault.SLOW, 50);
        ConfinedRunner runner = new ConfinedRunner();
        try (SovxClient impatient = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE)
                .readTimeout(Duration.ofMillis(300)).build()) {
            BulkViewModel first = model(runner, impatient, Environment.EMBEDDED_SANDBOX);
            first.open(users);
            runner.runAll();
            first.start();
            runner.runAll();
            assertThat(first.run().stateProperty().get()).isEqualTo(BulkRun.State.INCOMPLETE);
            assertThat(first.run().summaryProperty().get()).startsWith("Stopped short").contains("Resume the run");
            assertThat(first.unfinished()).as("offered at once").hasSize(1);
        }
        sandbox.training().clear();

        ConfinedRunner restarted = new ConfinedRunner();
        BulkViewModel model = new BulkViewModel(Sessions.calls(client, restarted),
                restarted, Environment.EMBEDDED_SANDBOX, data, CLOCK);
        model.findUnfinished();
        restarted.runAll();
        assertThat(model.unfinished()).singleElement().satisfies(u -> {
            assertThat(u.customerId()).isEqualTo(customer);
            assertThat(u.source()).isEqualTo("crash.csv");
            assertThat(u.rows()).isEqualTo(6);
        });
        BulkImports.Unfinished offered = model.unfinished().get(0);
        javafx.beans.binding.StringBinding notice = model.unfinishedNotice();
        assertThat(notice.get()).startsWith("A bulk import did not finish");
        assertThat(UnfinishedBar.describe(offered, 0)).contains("crash.csv for " + customer).contains("of 6 rows done");

        model.resume(offered);
        assertThat(model.problemProperty().get().title()).isEqualTo("Owner key needed");
        model.resumeKey.set("not-the-key");
        model.resume(offered);
        restarted.runAll();
        assertThat(model.problemProperty().get().message()).startsWith("The owner key was refused for " + customer);
        assertThat(model.unfinished()).hasSize(1);

        model.resumeKey.set(key);
        model.resume(offered);
        restarted.runAll();
        assertThat(model.problemProperty().get()).isNull();
        assertThat(model.run().stateProperty().get()).isEqualTo(BulkRun.State.FINISHED);
        assertThat(model.run().results()).hasSize(6).allSatisfy(l -> assertThat(l.failed()).isFalse());
        assertThat(model.unfinished()).isEmpty();
        assertThat(notice.get()).as("the window's banner, once the run finished").isEmpty();
        assertThat(model.resumeKey.get()).as("the key leaves the field").isEmpty();
        assertThat(count("users")).as("one user per row").isEqualTo(6);
        assertThat(count("wallets")).isEqualTo(6);
        assertThat(count("addresses")).isEqualTo(6);
        assertThat(new BulkImports(data).unfinished()).isEmpty();
    }

    @Test
    void aRefusedProductionConfirmationSendsNothingAndAConfirmedOneSends() throws Exception {
        Environment production = Environment.custom("https://sovx.example.com/sovx/v1");
        ConfinedRunner runner = new ConfinedRunner();
        BulkViewModel model = model(runner, client, production);
        AtomicInteger asked = new AtomicInteger();
        boolean[] confirm = {false};
        model.setWriteGuard(() -> {
            asked.incrementAndGet();
            return confirm[0];
        });
        model.open(file("prod.csv", Column.headerLine() + "\n"
                + "individual,lin@example.com,Lin,Prod,+12025550111,1990-01-01,US,BTC:bitcoin-testnet\n"));
        runner.runAll();
        assertThat(model.isSandbox()).isFalse();
        assertThat(model.canRunProperty().get()).isTrue();

        model.start();
        runner.runAll();
        assertThat(asked).hasValue(1);
        assertThat(model.problemProperty().get().title()).isEqualTo("Not confirmed");
        assertThat(model.problemProperty().get().message()).isEqualTo("Nothing was sent: writing to sovx.example.com"
                + " was not confirmed.");
        assertThat(posts()).as("no write reached the server").isZero();
        assertThat(model.run().stateProperty().get()).isNull();
        assertThat(data.resolve("bulk-imports")).doesNotExist();
        assertThat(count("users")).isZero();

        confirm[0] = true;
        model.start();
        runner.runAll();
        assertThat(asked).hasValue(2);
        assertThat(model.run().stateProperty().get()).isEqualTo(BulkRun.State.FINISHED);
        assertThat(posts()).isEqualTo(3);
        assertThat(count("users")).isOne();
    }

    @Test
    void theCustomerInContextIsTheDefaultARevokedKeyIsDroppedAnotherTypedNeedsItsOwnKeyAndAWrongKeySaysSo() throws Exception {
        ConfinedRunner runner = new ConfinedRunner();
        BulkViewModel model = new BulkViewModel(Sessions.calls(client, runner),
                runner, Environment.EMBEDDED_SANDBOX, data, CLOCK);
        model.useCustomer(customer, key);
        assertThat(model.customerId.get()).isEqualTo(customer);
        assertThat(model.ownerKey.get()).isEqualTo(key);

        model.keyRevoked(customer, "zzzz");
        assertThat(model.ownerKey.get()).as("another key revoked").isEqualTo(key);
        model.keyRevoked(customer, key.substring(key.length() - 4));
        assertThat(model.ownerKey.get()).as("a revoked key is dropped").isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("The owner key in use for " + customer
                + " was revoked: paste its new key.");

        model.customerId.set("someone-else");
        assertThat(model.ownerKey.get()).as("a key belongs to its customer").isEmpty();
        model.useCustomer("third-customer", "third-key");
        assertThat(model.customerId.get()).as("the operator's own choice stays").isEqualTo("someone-else");

        model.ownerKey.set("wrong-key");
        model.open(file("users.csv", FILE));
        runner.runAll();
        assertThat(model.problemProperty().get().message()).startsWith("The owner key was refused for someone-else");
        assertThat(model.problemProperty().get().traceId()).isNotBlank();
        assertThat(model.existingNoteProperty().get()).isEqualTo("Existing users were not looked up for "
                + "someone-else.");
        assertThat(model.preview().rows()).as("the preview stays").hasSize(4);
    }

    @Test
    void anotherCustomerChosenAfterARunHasItsOwnUsersMarkedNotTheFirstOnes() throws Exception {
        String adaId = createAda();
        String firstCustomer = customer;
        String firstKey = key;
        SovxClient firstClient = client;
        ConfinedRunner runner = new ConfinedRunner();
        BulkViewModel model = model(runner);
        model.open(file("users.csv", FILE));
        runner.runAll();
        assertThat(model.preview().rows().get(0).existingUserId()).isEqualTo(adaId);
        model.skipInvalid.set(true);
        model.start(); // Grace too is the first customer's now
        runner.runAll();
        assertThat(model.run().stateProperty().get()).isEqualTo(BulkRun.State.FINISHED);

        newCustomer(); // a second customer, without Ada or Grace
        model.customerId.set(customer);
        model.ownerKey.set(key);
        model.checkExisting();
        runner.runAll();
        assertThat(model.preview().rows().get(0).isExisting()).as("Ada is " + firstCustomer + "'s, not this one's")
                .isFalse();
        assertThat(model.preview().countsProperty().get().existing()).isZero();
        assertThat(model.existingNoteProperty().get()).startsWith("Looked up for " + customer + ": 0 of these");

        model.start();
        runner.runAll();
        assertThat(model.run().results().get(0).userId()).as("a new user for the second customer")
                .isNotEqualTo(adaId);
        assertThat(model.run().results()).extracting(ResultLine::status).containsExactly("created", "created",
                "created", "failed", "failed");
        assertThat(count("users")).isEqualTo(2);
        try (SovxClient first = SovxClient.builder(sandbox.baseUrl()).build()) {
            first.credentials().useOwnerKey(firstKey);
            assertThat(first.api().listUsers(Filter.page(10, 0).asQuery()).execute().total())
                    .as("nothing more was written to the first customer").isEqualTo(2);
        } finally {
            firstClient.close();
        }
    }

    @Test
    void signingOutTakesTheKeysAndTheMarksTheyMadeAndARunAsksForTheKeyAgain() throws Exception {
        createAda();
        ConfinedRunner runner = new ConfinedRunner();
        BulkViewModel model = model(runner);
        model.open(file("users.csv", FILE));
        runner.runAll();
        model.resumeKey.set(key);
        assertThat(model.preview().countsProperty().get().existing()).isOne();

        model.signedOut();
        assertThat(model.ownerKey.get()).isEmpty();
        assertThat(model.resumeKey.get()).isEmpty();
        assertThat(model.preview().countsProperty().get().existing()).isZero();
        assertThat(model.preview().rows()).as("the operator's rows and fixes stay").hasSize(4);
        model.skipInvalid.set(true);
        assertThat(model.runHintProperty().get()).isEqualTo("Paste the owner key of " + customer + ".");

        model.ownerKey.set(key);
        model.start(); // looked up again with the key, then run
        runner.runAll();
        assertThat(model.run().results().get(0).status()).isEqualTo("created");
        assertThat(model.preview().rows().get(0).isExisting()).isTrue();
        assertThat(count("users")).as("Ada reused").isEqualTo(2);
    }

    @Test
    void aFileThatCannotBeReadSaysWhyAndTheTemplateIsSaved() throws Exception {
        ConfinedRunner runner = new ConfinedRunner();
        BulkViewModel model = model(runner);
        model.open(file("wrong.csv", "mail,name\nada@example.com,Ada\n"));
        runner.runAll();
        assertThat(model.problemProperty().get().title()).isEqualTo("File not read");
        assertThat(model.problemProperty().get().message()).startsWith("The first line is not the template's header");
        assertThat(model.preview().rows()).isEmpty();
        assertThat(model.runHintProperty().get()).isEqualTo("Open a file to import.");

        Path template = dir.resolve("template.csv");
        model.saveTemplate(template);
        runner.runAll();
        model.open(template);
        runner.runAll();
        assertThat(model.problemProperty().get()).isNull();
        assertThat(model.preview().countsProperty().get().valid()).as("the template's example row is valid").isOne();
    }

    @Test
    void anotherCustomerPickedWhileARunStartsDoesNotOfferRunAgain() throws Exception {
        ConfinedRunner runner = new ConfinedRunner();
        BulkViewModel model = model(runner);
        model.open(file("users.csv", FILE));
        runner.runAll();
        model.skipInvalid.set(true);
        model.start(); // the run's start is out
        assertThat(model.busyProperty().get()).isEqualTo(BulkViewModel.Busy.STARTING);
        model.useCustomer("another-customer", "sxs_another-customers-key-000000000"); // picked in the lookups
        runner.runLast(); // that customer's lookup answers first (its key is refused)
        assertThat(model.busyProperty().get()).as("still starting").isEqualTo(BulkViewModel.Busy.STARTING);
        assertThat(model.canRunProperty().get()).isFalse();
        runner.runAll();
        assertThat(model.run().stateProperty().get()).isEqualTo(BulkRun.State.FINISHED);
        assertThat(count("users")).as("one run, for the customer it was started for").isEqualTo(2);
    }

    @Test
    void anIdleSignOutTakesAKeyPastedHereWithNoAccountSignedIn() {
        BulkViewModel model = model(new ConfinedRunner());
        SessionService session = new SessionService(client, client.derive(), new SessionState(),
                new SameThreadTaskRunner());
        session.holdsAlso(model::holdsKey, model::signedOut);
        ManualScheduler time = new ManualScheduler();
        IdleSignOut idle = new IdleSignOut(session, time, time.clock(CLOCK.instant()), 5);
        assertThat(model.ownerKey.get()).isEqualTo(key);

        time.advance(Duration.ofMinutes(5));
        assertThat(model.ownerKey.get()).as("the pasted key left memory and the screen").isEmpty();
        assertThat(idle.noticeProperty().get()).startsWith("Signed out after 5 minutes");
    }

    @Test
    void aRunIsResumedOnAServerWithoutTheUserList() throws Exception {
        com.sovera.console.bulk.Preview preview = com.sovera.console.bulk.Preview.of(
                com.sovera.console.bulk.SheetReader.read(new java.io.ByteArrayInputStream((Column.headerLine() + "\n"
                        + "individual,noli@example.com,Noli,List,+12025550151,1990-01-01,US,BTC\n")
                        .getBytes(StandardCharsets.UTF_8)), "nolist.csv"), true,
                java.time.LocalDate.now(ZoneOffset.UTC));
        try (SovxClient nobody = SovxClient.builder("http://127.0.0.1:9/sovx/v1").retryPolicy(RetryPolicy.NONE)
                .build()) {
            nobody.credentials().useOwnerKey(key);
            assertThat(new BulkImports(data).start(nobody.api(), new BulkImports.Target("embedded", customer, true),
                    new BulkImports.Source("nolist.csv", "0"), preview.plan(), BulkRun.Options.defaults()).await()
                    .state()).isEqualTo(BulkRun.State.INCOMPLETE);
        }
        // the real sandbox, with the (assumed) GET /users unknown to it, as on a server without the list
        try (SovxClient withoutList = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE)
                .networkInterceptor(chain -> {
                    okhttp3.Request r = chain.request();
                    if (r.method().equals("GET") && r.url().encodedPath().endsWith("/users")) {
                        // sent to a path the server has no route for: its own 404, as a server without the list
                        return chain.proceed(r.newBuilder().url(r.url().newBuilder()
                                .encodedPath(r.url().encodedPath() + "-not-offered").build()).build());
                    }
                    return chain.proceed(r);
                }).build()) {
            ConfinedRunner runner = new ConfinedRunner();
            BulkViewModel model = new BulkViewModel(Sessions.calls(withoutList, runner),
                    runner, Environment.EMBEDDED_SANDBOX, data, CLOCK);
            model.findUnfinished();
            runner.runAll();
            BulkImports.Unfinished offered = model.unfinished().stream()
                    .filter(u -> u.source().equals("nolist.csv")).findFirst().orElseThrow();
            model.resumeKey.set(key);
            model.resume(offered);
            runner.runAll();
            assertThat(model.problemProperty().get()).as("the resume's problem").isNull();
            assertThat(model.run().stateProperty().get()).isEqualTo(BulkRun.State.FINISHED);
            assertThat(count("users")).isEqualTo(1);
        }
    }

    private BulkViewModel running(ConfinedRunner runner, String name) throws Exception {
        StringBuilder text = new StringBuilder(Column.headerLine()).append('\n');
        for (int i = 1; i <= 20; i++) {
            text.append(String.format("individual,%s%02d@example.com,Pat,Stop,+1202556%04d,1990-01-01,US,ETH%n",
                    name, i, i));
        }
        BulkViewModel model = model(runner);
        model.open(file(name + ".csv", text.toString()));
        runner.runAll();
        model.start();
        runner.runNext(); // under way on the run's own threads
        model.run().pause(); // held, so that it is still under way when the session closes
        assertThat(model.run().activeProperty().get()).isTrue();
        return model;
    }

    @Test
    void aLookupsDeskPreviewsAFileButNeitherRunsNorResumesAndMayDiscard() throws Exception {
        // an import left unfinished on this computer (a desk that wrote, before the policy changed)
        ConfinedRunner first = new ConfinedRunner();
        BulkViewModel before = running(first, "desk");
        before.run().stopShort("the console closed");
        first.runAll();
        long usersBefore = count("users");
        calls.clear();

        ConfinedRunner runner = new ConfinedRunner();
        BulkViewModel model = model(runner);
        model.setLookupsOnly(true);
        model.findUnfinished();
        model.open(file("lookups.csv", Column.headerLine() + "\n"
                + "individual,lee@example.com,Lee,Desk,+12025550199,1990-01-01,US,BTC\n"));
        runner.runAll();
        assertThat(model.preview().countsProperty().get().valid()).as("the file is read and previewed").isOne();
        assertThat(model.canRunProperty().get()).isFalse();
        assertThat(model.runHintProperty().get()).isEqualTo(com.sovera.console.policy.Policy.LOOKUPS_ONLY + ".");
        model.start();
        runner.runAll();
        assertThat(model.run().stateProperty().get()).as("no run").isNull();

        assertThat(model.unfinished()).singleElement().satisfies(u -> assertThat(u.source()).isEqualTo("desk.csv"));
        model.resumeKey.set(key);
        model.resume(model.unfinished().get(0));
        runner.runAll();
        assertThat(model.problemProperty().get().title()).isEqualTo("Lookups only");
        assertThat(model.run().stateProperty().get()).as("not resumed").isNull();
        assertThat(posts()).as("no write reached the server").isZero();
        assertThat(count("users")).isEqualTo(usersBefore);

        model.discard(model.unfinished().get(0));
        runner.runAll();
        assertThat(model.unfinished()).as("discarding is local, and allowed").isEmpty();
    }

    @Test
    void anIdleSignOutStopsARunUnderWayKeepingItsJournalToResume() throws Exception {
        ConfinedRunner runner = new ConfinedRunner();
        BulkViewModel model = running(runner, "idle");
        SessionService session = new SessionService(client, client.derive(), new SessionState(),
                new SameThreadTaskRunner());
        session.beforeClose(model::sessionClosing);
        session.holdsAlso(model::holdsKey, model::signedOut);
        ManualScheduler time = new ManualScheduler();
        new IdleSignOut(session, time, time.clock(CLOCK.instant()), 5);

        time.advance(Duration.ofMinutes(5));
        runner.runAll();
        assertThat(model.run().stateProperty().get()).isEqualTo(BulkRun.State.INCOMPLETE);
        assertThat(model.ownerKey.get()).isEmpty();
        assertThat(model.unfinished()).as("offered to resume").singleElement()
                .satisfies(u -> assertThat(u.source()).isEqualTo("idle.csv"));

        model.resumeKey.set(key);
        model.resume(model.unfinished().get(0));
        runner.runAll();
        assertThat(model.run().stateProperty().get()).isEqualTo(BulkRun.State.FINISHED);
        assertThat(count("users")).as("each row once").isEqualTo(20);
    }

    @Test
    void anExplicitSignOutAsksWhetherToPauseOrCancelARunUnderWay() throws Exception {
        ConfinedRunner runner = new ConfinedRunner();
        BulkViewModel model = running(runner, "asked");
        List<String> asked = new java.util.ArrayList<>();
        assertThat(model.sessionClosing(SessionEnd.SIGN_OUT, (title, text, options) -> {
            asked.add(title + " " + text + " " + options);
            return options.indexOf("_Stay");
        })).as("stay signed in").isFalse();
        assertThat(asked).singleElement().asString().startsWith("Sign out? A bulk import is under way. Signing out"
                + " stops it.").endsWith("[_Pause the import and sign out, Cancel the _import and sign out, _Stay]");
        // closing the window and switching environment ask the same, each in its own words
        assertThat(model.sessionClosing(SessionEnd.CLOSE_WINDOW, (title, text, options) -> {
            asked.add(title + " " + text + " " + options);
            return options.indexOf("_Stay");
        })).isFalse();
        assertThat(asked.get(1)).startsWith("Close the console? A bulk import is under way. Closing the console"
                + " stops it.").endsWith("[_Pause the import and close, Cancel the _import and close, _Stay]")
                .doesNotContain("sign out");
        assertThat(model.sessionClosing(SessionEnd.switchTo("Sovera sandbox"), (title, text, options) -> {
            asked.add(title + " " + text + " " + options);
            return options.indexOf("_Stay");
        })).isFalse();
        assertThat(asked.get(2)).startsWith("Switch to Sovera sandbox? A bulk import is under way. Switching to"
                + " Sovera sandbox stops it.").endsWith("[_Pause the import and switch, Cancel the _import and switch,"
                + " _Stay]");
        assertThat(model.run().activeProperty().get()).isTrue();

        assertThat(model.sessionClosing(SessionEnd.SIGN_OUT, (title, text, options) -> options.indexOf(
                "Cancel the _import and sign out"))).isTrue();
        runner.runAll();
        assertThat(model.run().stateProperty().get()).isEqualTo(BulkRun.State.CANCELLED);
        assertThat(model.unfinished()).isEmpty();
    }
}
