package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.platform.AppDirs;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import command as a script runs it: arguments, key, exit codes, the results file, the two streams. */
class ImportCommandTest {

    private static final String HEADER = "user_type,email,first_name,last_name,phone,date_of_birth,country,wallets\n";

    @TempDir
    Path home;

    /** One run of the command: its exit code and what it printed. */
    record Ran(int exit, String out, String err) {
    }

    @Test
    void onTheEmbeddedSandboxAFailedRowGivesOneAndTheFixedFileGivesZeroCreatingNothingTwice() throws Exception {
        Path file = write("users.csv", HEADER
                + "individual,ada@example.com,Ada,Lovelace,+442071234567,1985-12-10,GB,BTC;USDC:ethereum-sepolia\n"
                + "individual,=cmd|' /C calc'!A0,Eve,Il,+12025550100,1990-01-01,US,BTC\n"
                + "business,co@example.com,Co,Ltd,+12025550101,1999-02-03,US,\n");
        Ran first = run(Map.of(), "", "--import", file.toString(), "--customer", DemoAccount.CUSTOMER_ID);
        assertThat(first.exit()).as(first.err()).isEqualTo(1);
        Path results = home.resolve("users-results.csv");
        assertThat(first.out().strip()).isEqualTo(results.toAbsolutePath().toString());
        assertThat(first.err()).contains("Row 2 (line 3) is refused: email:");
        List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("row,status,user_id,email,wallet_id,currency,network,address,payment_uri,"
                + "error_code,error_message,trace_id");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).matches("1,created,[0-9a-f-]{36},ada@example.com,[0-9a-f-]{36},BTC,bitcoin-testnet,"
                + "tb1q[0-9a-z]+,BITCOIN:TB1Q[0-9A-Z]+,,,");
        assertThat(lines.get(2)).startsWith("1,created,").contains(",USDC,ethereum-sepolia,0x");
        assertThat(lines.get(3)).startsWith("2,failed,,'=cmd|' /C calc'!A0,").contains(",VALIDATION_ERROR,");
        assertThat(lines.get(4)).matches("3,created,[0-9a-f-]{36},co@example.com,,,,,,,,");

        Path fixed = write("users.csv", Files.readString(file).replace("=cmd|' /C calc'!A0", "eve@example.com"));
        Ran second = run(Map.of(), "", "--import", fixed.toString(), "--customer", DemoAccount.CUSTOMER_ID);
        assertThat(second.exit()).as(second.err()).isZero();
        List<String> again = Files.readAllLines(results, StandardCharsets.UTF_8);
        assertThat(again).extracting(l -> l.split(",")[1]).containsExactly("status", "existing", "existing",
                "created", "existing");
        assertThat(again.get(1)).isEqualTo(lines.get(1).replace("created", "existing"));
    }

    @Test
    void productionIsWrittenOnlyWithTheConfirmedHostAndTheKeyComesFromTheEnvironmentOrInput() throws Exception {
        Path file = write("prod.csv", HEADER
                + "individual,ada@example.com,Ada,Lovelace,+442071234567,1985-12-10,GB,BTC:bitcoin-testnet\n");
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0))) {
            String key = customerWithKey(sandbox.baseUrl(), "prod-co");
            String url = sandbox.baseUrl();
            Map<String, String> env = Map.of(ImportCommand.KEY_VARIABLE, key);

            Ran unconfirmed = run(env, "", "--import", file.toString(), "--customer", "prod-co", "--base-url", url);
            assertThat(unconfirmed.exit()).isEqualTo(2);
            assertThat(unconfirmed.err()).contains("treated as production").contains("--confirm-host 127.0.0.1")
                    .contains("Nothing was sent");
            Ran wrongHost = run(env, "", "--import", file.toString(), "--customer", "prod-co", "--base-url", url,
                    "--confirm-host", "api.sovera.io");
            assertThat(wrongHost.exit()).isEqualTo(2);
            assertThat(wrongHost.err()).contains("'api.sovera.io' is not 127.0.0.1");
            Ran wrongKey = run(Map.of(ImportCommand.KEY_VARIABLE, "X".repeat(32)), "", "--import", file.toString(),
                    "--customer", "prod-co", "--base-url", url, "--confirm-host", "127.0.0.1");
            assertThat(wrongKey.exit()).isEqualTo(2);
            assertThat(wrongKey.err()).contains("The owner key was refused (UNAUTHORIZED");
            Ran noKey = run(Map.of(), "", "--import", file.toString(), "--customer", "prod-co", "--base-url", url,
                    "--confirm-host", "127.0.0.1");
            assertThat(noKey.exit()).isEqualTo(2);
            assertThat(noKey.err()).contains("No owner key: set SOVX_OWNER_KEY or give the key on standard input");
            assertThat(users(url, key)).as("nothing was written").isZero();

            Path results = home.resolve("out").resolve("r.csv");
            Files.createDirectories(results.getParent());
            Ran fromInput = run(Map.of(), key + "\n", "--import", file.toString(), "--customer", "prod-co",
                    "--base-url", url, "--confirm-host", "127.0.0.1", "--results", results.toString());
            assertThat(fromInput.exit()).as(fromInput.err()).isZero();
            assertThat(fromInput.out().strip()).isEqualTo(results.toAbsolutePath().toString());
            assertThat(users(url, key)).isOne();
            assertThat(fromInput.out() + fromInput.err() + Files.readString(results)).doesNotContain(key);
        }
    }

    @Test
    void whatCannotRunSaysWhyAndExitsTwo() throws Exception {
        Path good = write("good.csv", HEADER
                + "individual,ada@example.com,Ada,Lovelace,+442071234567,1985-12-10,GB,BTC\n");
        assertCannotRun("--import FILE and --customer ID are both needed", "--import", good.toString());
        assertCannotRun("unknown option --dry-run", "--import", good.toString(), "--customer", "c", "--dry-run", "x");
        assertCannotRun("--customer needs a value", "--import", good.toString(), "--customer");
        assertCannotRun("There is no file", "--import", home.resolve("missing.csv").toString(), "--customer", "c");
        assertCannotRun("not the template's header", "--import", write("bad.csv", "name,mail\nA,a@b.c\n").toString(),
                "--customer", "c");
        assertCannotRun("is empty", "--import", write("empty.csv", "").toString(), "--customer", "c");
        assertCannotRun("Cannot write the results", "--import", good.toString(), "--customer", "c", "--results",
                home.resolve("no/such/dir/r.csv").toString());
        assertCannotRun("http:// is refused", "--import", good.toString(), "--customer", "c", "--base-url",
                "http://sovx.example/sovx/v1", "--confirm-host", "sovx.example");
    }

    @Test
    void theConsoleOpenOnTheSameSandboxIsAClearErrorNotACrash() throws Exception {
        Path database = AppDirs.under(home).data().resolve("sandbox");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "-Dsovx.logs=" + home.resolve("logs"),
                Launcher.class.getName(), "--sandbox-only", "--db", database.toString(), "--seed-users", "0"));
        Process other = new ProcessBuilder(command).redirectError(home.resolve("other.err").toFile()).start();
        try {
            String line = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(line).as("the other process holds the sandbox").startsWith("SovX sandbox listening");
            Path file = write("u.csv", HEADER
                    + "individual,ada@example.com,Ada,Lovelace,+442071234567,1985-12-10,GB,BTC\n");
            Ran ran = run(Map.of(), "", "--import", file.toString(), "--customer", DemoAccount.CUSTOMER_ID);
            assertThat(ran.exit()).isEqualTo(2);
            assertThat(ran.err()).contains("Cannot open the embedded sandbox").contains("close the console");
        } finally {
            other.destroy();
            other.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aManagedDesksPolicyLimitsTheCommandAsItLimitsTheConsole() throws Exception {
        Path file = write("policy.csv", "user_type,email,first_name,last_name,phone,date_of_birth,country,wallets\r\n"
                + "individual,ada@policy.example,Ada,Lovelace,+442071234567,1985-12-10,GB,BTC\r\n");
        com.sovera.console.policy.Policy noSandbox = com.sovera.console.policy.Policy.builder()
                .embeddedSandboxEnabled(false).build();
        Ran refused = runUnder(noSandbox, "--import", file.toString(), "--customer", DemoAccount.CUSTOMER_ID);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("policy does not allow the embedded sandbox");
        com.sovera.console.policy.Policy onlyTheirs = com.sovera.console.policy.Policy.builder()
                .environments(List.of("https://sovx.bank.example/sovx/v1")).build();
        Ran elsewhere = runUnder(onlyTheirs, "--import", file.toString(), "--customer", "acme", "--base-url",
                "https://sovx.elsewhere.example/sovx/v1", "--confirm-host", "sovx.elsewhere.example");
        assertThat(elsewhere.exit()).isEqualTo(2);
        assertThat(elsewhere.err()).contains("policy does not allow https://sovx.elsewhere.example/sovx/v1");
        assertThat(elsewhere.out()).isEmpty();
    }

    @Test
    void aLookupsDeskRefusesTheImportBeforeAnyCall() throws Exception {
        Path file = write("lookups.csv", "user_type,email,first_name,last_name,phone,date_of_birth,country,wallets\r\n"
                + "individual,ada@lookups.example,Ada,Lovelace,+442071234567,1985-12-10,GB,BTC\r\n");
        com.sovera.console.policy.Policy lookups = com.sovera.console.policy.Policy.builder().writesAllowed(false)
                .build();
        try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
            server.start();
            String url = server.url("/sovx/v1").toString();
            Ran refused = runUnder(lookups, "--import", file.toString(), "--customer", "acme", "--base-url", url,
                    "--confirm-host", server.getHostName());
            assertThat(refused.exit()).isEqualTo(2);
            assertThat(refused.err()).contains(com.sovera.console.policy.Policy.LOOKUPS_ONLY)
                    .contains("nothing was imported");
            assertThat(refused.out()).isEmpty();
            assertThat(server.getRequestCount()).as("not one request").isZero();
        }
        Ran embedded = runUnder(lookups, "--import", file.toString(), "--customer", DemoAccount.CUSTOMER_ID);
        assertThat(embedded.exit()).isEqualTo(2);
        assertThat(embedded.err()).contains(com.sovera.console.policy.Policy.LOOKUPS_ONLY);
    }

    private Ran runUnder(com.sovera.console.policy.Policy policy, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ImportCommand.run(args, new ImportCommand.Io(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(ImportCommand.KEY_VARIABLE, "k")), AppDirs.under(home), policy);
        return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void assertCannotRun(String message, String... args) {
        Ran ran = run(Map.of(ImportCommand.KEY_VARIABLE, "k"), "", args);
        assertThat(ran.exit()).as(ran.err()).isEqualTo(2);
        assertThat(ran.err()).contains(message);
        assertThat(ran.out()).isEmpty();
    }

    private Ran run(Map<String, String> env, String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ImportCommand.run(args, new ImportCommand.Io(new ByteArrayInputStream(
                input.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env), AppDirs.under(home));
        return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path write(String name, String text) throws Exception {
        Path file = home.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String customerWithKey(String baseUrl, String customer) {
        try (SovxClient admin = SovxClient.builder(baseUrl).build()) {
            admin.credentials().useSession(admin.api().login(new LoginRequest(DemoAccount.EMAIL,
                    DemoAccount.PASSWORD)).execute());
            admin.api().createCustomer(new NewCustomer("ops@" + customer + ".example", customer, "Co"), null).execute();
            return admin.api().createCredentials(customer, null).execute().customerSecret();
        }
    }

    private static long users(String baseUrl, String key) {
        try (SovxClient c = SovxClient.builder(baseUrl).build()) {
            c.credentials().useOwnerKey(key);
            return c.api().listUsers(Filter.page(1, 0).asQuery()).execute().total();
        }
    }
}
