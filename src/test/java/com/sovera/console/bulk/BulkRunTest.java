package com.sovera.console.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.model.NewUser;
import com.sovera.console.api.model.NewWallet;
import com.sovera.console.chain.Addresses;
import com.sovera.console.chain.Network;
import com.sovera.console.sandbox.SandboxConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk runs against the real embedded sandbox over HTTP. */
class BulkRunTest {

    private static final String FILE = """
            user_type,email,first_name,last_name,phone,date_of_birth,country,wallets
            individual,ada@example.com,Ada,Lovelace,+442071234567,1985-12-10,GB,BTC;USDC:ethereum-sepolia
            business,Grace@Example.com,Grace,Hopper,+12025550100,1960-12-09,US,ETH
            individual,alan@example.com,Alan,Turing,+442071234568,1972-06-23,GB,
            individual,bad@example,Bad,Row,+1,1990-01-01,US,DOGE
            individual,GRACE@example.com,Grace,Again,+12025550101,1961-01-01,US,BTC
            """;

    @TempDir
    Path data;

    @Test
    void everyRowGetsItsUserWalletsAndOneVerifiedAddressEach() throws Exception {
        try (BulkSandbox sandbox = BulkSandbox.inMemory()) {
            Preview preview = BulkSandbox.preview(FILE);
            preview.markExisting(ExistingUsers.find(sandbox.client.api(), preview.emails(), () -> false));
            BulkRun.Outcome outcome = start(sandbox, preview.plan()).await();

            assertThat(outcome.state()).isEqualTo(BulkRun.State.FINISHED);
            List<ResultLine> lines = outcome.results();
            assertThat(lines).extracting(ResultLine::row, ResultLine::status, ResultLine::currency,
                    ResultLine::network).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(1, "created", "BTC", "bitcoin-testnet"),
                    org.assertj.core.groups.Tuple.tuple(1, "created", "USDC", "ethereum-sepolia"),
                    org.assertj.core.groups.Tuple.tuple(2, "created", "ETH", "ethereum-sepolia"),
                    org.assertj.core.groups.Tuple.tuple(3, "created", null, null),
                    org.assertj.core.groups.Tuple.tuple(4, "failed", null, null),
                    org.assertj.core.groups.Tuple.tuple(5, "failed", null, null));
            assertThat(lines.get(4).errorCode()).isEqualTo("VALIDATION_ERROR");
            assertThat(lines.get(5).errorMessage()).contains("Repeats the e-mail of row 2");
            for (ResultLine line : lines.subList(0, 3)) {
                Network network = Network.byId(line.network()).orElseThrow();
                assertThat(Addresses.isValid(line.address(), network)).as(line.address()).isTrue();
                assertThat(line.paymentUri()).isNotBlank();
                assertThat(line.userId()).isNotBlank();
                assertThat(line.walletId()).isNotBlank();
            }
            assertThat(lines.get(0).paymentUri()).startsWith("BITCOIN:TB1");
            assertThat(sandbox.users()).hasSize(3);
            assertThat(sandbox.wallets()).hasSize(3);
            assertThat(sandbox.addresses()).hasSize(3);
            assertThat(new BulkImports(data).unfinished()).as("a finished run leaves no journal").isEmpty();
        }
    }

    @Test
    void aUserTheCustomerHasIsReusedWithItsWalletAndAddressAndASecondRunCreatesNothing() throws Exception {
        try (BulkSandbox sandbox = BulkSandbox.inMemory()) {
            // the customer already has Ada, with a BTC wallet but no address yet
            var api = sandbox.checker().api();
            String adaId = api.createUser(new NewUser("individual", "ADA@example.com", "Ada", "Lovelace",
                    "+442071234567", "1985-12-10", "GB"), null).execute().userId();
            String btcWallet = api.createWallet(adaId, new NewWallet("Old BTC", "BTC"), null).execute().walletId();

            Preview preview = BulkSandbox.preview(FILE);
            preview.markExisting(ExistingUsers.find(sandbox.client.api(), preview.emails(), () -> false));
            assertThat(preview.row(1).existingUserId()).isEqualTo(adaId);
            List<ResultLine> first = start(sandbox, preview.plan()).await().results();
            assertThat(first.get(0)).satisfies(l -> {
                assertThat(l.status()).isEqualTo("created"); // the address is new
                assertThat(l.userId()).isEqualTo(adaId);
                assertThat(l.walletId()).isEqualTo(btcWallet);
            });
            assertThat(first.get(1).status()).isEqualTo("created");

            Preview again = BulkSandbox.preview(FILE);
            again.markExisting(ExistingUsers.find(sandbox.client.api(), again.emails(), () -> false));
            List<ResultLine> second = start(sandbox, again.plan()).await().results();
            assertThat(second.subList(0, 4)).extracting(ResultLine::status).containsOnly("existing");
            assertThat(second.subList(0, 4)).extracting(ResultLine::address)
                    .containsExactlyElementsOf(first.subList(0, 4).stream().map(ResultLine::address).toList());
            assertThat(sandbox.users()).hasSize(3);
            assertThat(sandbox.wallets()).hasSize(3);
            assertThat(sandbox.addresses()).hasSize(3);
        }
    }

    @Test
    void aUserCreatedMeanwhileIsAdoptedAfterItsConflictAndTheRunSaysSoForTheAuditTrail() throws Exception {
        try (BulkSandbox sandbox = BulkSandbox.inMemory()) {
            Preview preview = BulkSandbox.preview(FILE); // looked up before Ada existed: she is to be created
            String adaId = sandbox.checker().api().createUser(new NewUser("individual", "ADA@example.com", "Ada",
                    "Lovelace", "+442071234567", "1985-12-10", "GB"), null).execute().userId();
            List<String> adopted = new java.util.concurrent.CopyOnWriteArrayList<>();
            BulkRun.Outcome outcome = new BulkImports(data).start(sandbox.client.api(), new BulkImports.Target(
                    "embedded", sandbox.customerId, true), new BulkImports.Source("users.csv", "abc"), preview.plan(),
                    BulkRun.Options.defaults().withPacer(sandbox.pacer).withAdoptions((action, ids) ->
                            adopted.add(action + " " + ids))).await();

            assertThat(outcome.state()).isEqualTo(BulkRun.State.FINISHED);
            assertThat(adopted).as("the 409 was an adoption: reused, not only refused")
                    .containsExactly("user.create {user_id=" + adaId + "}");
        }
    }

    @Test
    void aLowRateLimitIsPacedWithoutA429() throws Exception {
        // 12 requests a 2-second window: the run needs about 25 requests, so it must wait for windows to reset
        try (BulkSandbox sandbox = new BulkSandbox(SandboxConfig.inMemory()
                .withRateLimit(12, Duration.ofSeconds(2)))) {
            StringBuilder csv = new StringBuilder(Column.headerLine()).append('\n');
            for (int i = 1; i <= 8; i++) {
                csv.append("individual,pace").append(i).append("@example.com,Pat,Pace,+1202555010").append(i)
                        .append(",1990-01-01,US,BTC\n");
            }
            Preview preview = BulkSandbox.preview(csv.toString());
            preview.markExisting(ExistingUsers.find(sandbox.client.api(), preview.emails(), () -> false));
            BulkRun.Outcome outcome = start(sandbox, preview.plan()).await();

            assertThat(outcome.allSucceeded()).as(outcome.results().toString()).isTrue();
            assertThat(sandbox.count429()).as("answers 429").isZero();
            assertThat(sandbox.pacer.waited()).as("time spent waiting for the window").isPositive();
            assertThat(sandbox.addresses()).hasSize(8);
        }
    }

    @Test
    void a429IsWaitedOutAndTheRowStillSucceeds() throws Exception {
        try (BulkSandbox sandbox = BulkSandbox.inMemory()) {
            sandbox.server.training().arm("POST /users/{user_id}/wallets",
                    com.sovera.console.sandbox.Training.Fault.RATE_LIMITED, 1);
            Preview preview = BulkSandbox.preview(Column.headerLine() + "\n"
                    + "individual,wait@example.com,Wai,Ting,+12025550100,1990-01-01,US,BTC\n");
            BulkRun.Outcome outcome = start(sandbox, preview.plan()).await();
            assertThat(outcome.allSucceeded()).as(outcome.results().toString()).isTrue();
            assertThat(sandbox.count429()).isOne();
            var walletCalls = sandbox.calls.stream().filter(c -> c.path().endsWith("/wallets")).toList();
            assertThat(walletCalls).extracting(c -> c.status()).containsExactly(429, 201);
            assertThat(Duration.between(walletCalls.get(0).time(), walletCalls.get(1).time()))
                    .as("the retry waited the 2 s Retry-After").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(sandbox.wallets()).hasSize(1);
        }
    }

    @Test
    void pauseHoldsEveryRequestCancelStopsAndARerunFinishesWithNothingTwice() throws Exception {
        try (BulkSandbox sandbox = new BulkSandbox(SandboxConfig.inMemory()
                .withRateLimit(30, Duration.ofSeconds(2)))) {
            StringBuilder csv = new StringBuilder(Column.headerLine()).append('\n');
            for (int i = 1; i <= 12; i++) {
                csv.append("individual,stop").append(i).append("@example.com,Pat,Stop,+1202555020").append(i % 10)
                        .append(i / 10).append(",1990-01-01,US,ETH\n");
            }
            Plan plan = BulkSandbox.preview(csv.toString()).plan();
            List<RunProgress> told = new java.util.concurrent.CopyOnWriteArrayList<>();
            BulkRun run = new BulkImports(data).start(sandbox.client.api(), new BulkImports.Target("embedded",
                    sandbox.customerId, true), new BulkImports.Source("users.csv", "abc"), plan,
                    BulkRun.Options.defaults().withPacer(sandbox.pacer).withListener(told::add));
            waitUntil(() -> run.progress().done() >= 1);
            run.pause();
            long sent = settled(sandbox); // requests already on their way when pause came end
            Thread.sleep(1500);
            assertThat(sandbox.pacer.sent()).as("no request while paused").isEqualTo(sent);
            assertThat(run.progress().state()).isEqualTo(BulkRun.State.PAUSED);
            run.resume();
            waitUntil(() -> run.progress().done() >= 3);
            run.cancel();
            BulkRun.Outcome cancelled = run.await();
            assertThat(cancelled.state()).isEqualTo(BulkRun.State.CANCELLED);
            assertThat(cancelled.results()).anySatisfy(l -> assertThat(l.errorCode()).isEqualTo("CANCELLED"));
            assertThat(cancelled.results().stream().map(ResultLine::row).distinct()).hasSize(12);
            assertThat(told).isNotEmpty().last().satisfies(p -> assertThat(p.state())
                    .isEqualTo(BulkRun.State.CANCELLED));
            assertThat(new BulkImports(data).unfinished()).isEmpty();

            Preview again = BulkSandbox.preview(csv.toString());
            again.markExisting(ExistingUsers.find(sandbox.client.api(), again.emails(), () -> false));
            BulkRun.Outcome finished = start(sandbox, again.plan()).await();
            assertThat(finished.allSucceeded()).as(finished.results().toString()).isTrue();
            assertThat(sandbox.users()).hasSize(12);
            assertThat(sandbox.wallets()).hasSize(12);
            assertThat(sandbox.addresses()).hasSize(12);
        }
    }

    /** The pacer's count once it has stood still for half a second. */
    private static long settled(BulkSandbox sandbox) throws InterruptedException {
        long before;
        do {
            before = sandbox.pacer.sent();
            Thread.sleep(500);
        } while (sandbox.pacer.sent() != before);
        return before;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s for a condition").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private BulkRun start(BulkSandbox sandbox, Plan plan) throws Exception {
        return new BulkImports(data).start(sandbox.client.api(), new BulkImports.Target("embedded",
                        sandbox.customerId, true), new BulkImports.Source("users.csv", "abc"), plan,
                BulkRun.Options.defaults().withPacer(sandbox.pacer));
    }

    static Map<String, Long> byStatus(List<ResultLine> lines) {
        return lines.stream().collect(Collectors.groupingBy(ResultLine::status, Collectors.counting()));
    }
}
