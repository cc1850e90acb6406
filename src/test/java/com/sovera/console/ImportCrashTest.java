package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.FaultyLine.Spoil;
import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The import command in a process of its own is killed (SIGKILL) mid-run; the same command run again resumes,
 * and the customer ends with exactly one user per row, one wallet per requested currency and one address each.
 */
class ImportCrashTest {

    private static final int ROWS = 10;

    @TempDir
    Path home;

    /** Wallets have no natural key: only the journaled idempotency key keeps a resent create from making two. */
    @ParameterizedTest(name = "killed while the server''s answer to {0} creates was held back")
    @CsvSource({"wallet, /sovx/v1/users/[^/]+/wallets"})
    void killedAfterTheServerActedTheRerunFinishesWithOneOfEach(String step, String path) throws Exception {
        Path file = csv();
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
             FaultyLine line = new FaultyLine("http://127.0.0.1:" + sandbox.port())) {
            String customer = "crash-" + step;
            String key = customerWithKey(sandbox.baseUrl(), customer);
            String host = okhttp3.HttpUrl.get(line.baseUrl()).host();
            List<String> args = List.of("--import", file.toString(), "--customer", customer, "--base-url",
                    line.baseUrl(), "--confirm-host", host, "--results", home.resolve("results.csv").toString());
            line.spoil(Spoil.HOLD, "POST", path);

            Process first = command(args, key, "first");
            waitFor(() -> line.acted.get() >= 2 || !first.isAlive(), 90);
            assertThat(line.acted.get()).as("creates reached the server; " + output("first")).isGreaterThanOrEqualTo(2);
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            line.heal();

            Process second = command(args, key, "second");
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("the rerun finished").isTrue();
            assertThat(second.exitValue()).as(output("second")).isZero();
            assertThat(output("second")).contains("Resuming the import");
            assertOneOfEach(sandbox.baseUrl(), key);
            assertResults(home.resolve("results.csv"));
        }
    }

    @Test
    void killedWhileItsEmbeddedSandboxWasWritingTheRerunFinishesWithOneOfEach() throws Exception {
        Path file = csv();
        Path database = home.resolve("data").resolve("sandbox");
        String key;
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.stored(database).withDemoUsers(0))) {
            key = customerWithKey(sandbox.baseUrl(), "crash-embedded");
        }
        List<String> args = List.of("--import", file.toString(), "--customer", "crash-embedded", "--results",
                home.resolve("results.csv").toString());
        Process first = command(args, key, "first");
        Path journals = home.resolve("data").resolve("bulk-imports");
        // killed once a few rows are under way: the sandbox dies with it, and may lose its last writes
        waitFor(() -> journalLines(journals) >= 12 || !first.isAlive(), 90);
        assertThat(first.isAlive()).as("still running when killed; " + output("first")).isTrue();
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertNoSecretIn(home, key); // the journal left behind, the logs, what the command printed
        try (var left = Files.list(journals)) {
            assertThat(left.toList()).singleElement().satisfies(j -> assertThat(
                    java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(j)))
                    .as("the journal holds personal data: its owner's only").isEqualTo("rw-------"));
        }

        Process second = command(args, key, "second");
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("the rerun finished").isTrue();
        assertThat(second.exitValue()).as(output("second")).isZero();
        assertNoSecretIn(home, key);
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.stored(database).withDemoUsers(0))) {
            assertOneOfEach(sandbox.baseUrl(), key);
        }
        assertResults(home.resolve("results.csv"));
    }

    private static void assertNoSecretIn(Path dir, String key) throws Exception {
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(key);
            }
        }
    }

    private Path csv() throws Exception {
        StringBuilder text = new StringBuilder("user_type,email,first_name,last_name,phone,date_of_birth,country,"
                + "wallets\r\n");
        for (int i = 1; i <= ROWS; i++) {
            text.append("individual,crash").append(i).append("@example.com,Ada,Lovelace,+4420712345").append(10 + i)
                    .append(",1985-12-10,GB,BTC:bitcoin-testnet;ETH:ethereum-sepolia\r\n");
        }
        Path file = home.resolve("users.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String customerWithKey(String baseUrl, String customer) {
        try (SovxClient admin = SovxClient.builder(baseUrl).build()) {
            admin.credentials().useSession(admin.api().login(new LoginRequest(DemoAccount.EMAIL,
                    DemoAccount.PASSWORD)).execute());
            admin.api().createCustomer(new NewCustomer("ops@" + customer + ".example", customer, "Crash Ltd"), null)
                    .execute();
            return admin.api().createCredentials(customer, null).execute().customerSecret();
        }
    }

    private static void assertOneOfEach(String baseUrl, String key) {
        try (SovxClient check = SovxClient.builder(baseUrl).build()) {
            check.credentials().useOwnerKey(key);
            var api = check.api();
            List<User> users = api.listUsers(Filter.page(100, 0).asQuery()).execute().rows();
            assertThat(users).hasSize(ROWS);
            List<Wallet> wallets = api.listWallets(Filter.page(100, 0).asQuery()).execute().rows();
            assertThat(wallets).hasSize(ROWS * 2);
            for (User u : users) {
                assertThat(wallets.stream().filter(w -> w.userId().equals(u.userId())).map(Wallet::currency))
                        .as(u.email()).containsExactlyInAnyOrder("BTC", "ETH");
            }
            List<DepositAddress> addresses = api.listAddresses(Filter.page(100, 0).asQuery()).execute().rows();
            assertThat(addresses).hasSize(ROWS * 2);
            assertThat(addresses.stream().map(DepositAddress::walletId).distinct()).hasSize(ROWS * 2);
        }
    }

    private static void assertResults(Path results) throws Exception {
        List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + ROWS * 2);
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l.split(",")[1]).isEqualTo("created"));
    }

    private Process command(List<String> args, String key, String name) throws Exception {
        // C1 only, as CrashSafetyTest's consoles: a short run spends less CPU compiling than it would win
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "-Dsovx.home=" + home, "-Dsovx.logs=" + home.resolve("logs"), Launcher.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".out").toFile());
        Map<String, String> env = builder.environment();
        env.put("SOVX_OWNER_KEY", key);
        return builder.start();
    }

    private String output(String name) throws Exception {
        Path file = home.resolve(name + ".out");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static long journalLines(Path dir) {
        try (var files = Files.list(dir)) {
            long n = 0;
            for (Path f : files.toList()) {
                n += Files.readAllLines(f, StandardCharsets.UTF_8).size();
            }
            return n;
        } catch (Exception e) {
            return 0;
        }
    }

    private static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
