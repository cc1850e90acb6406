package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.FaultyLine.Spoil;
import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.chain.Addresses;
import com.sovera.console.chain.Network;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The console's wizard (its view model, service and journal, in a process of its own) is killed (SIGKILL, no clean
 * exit) at each create step, after the server acted on the create and before its answer reached it; a new process
 * over the same data directory resumes and finishes. The sandbox then holds exactly one customer, user, wallet and
 * address.
 */
class CrashSafetyTest {

    @TempDir
    Path home;

    @ParameterizedTest(name = "killed during {0}")
    @CsvSource({
        "customer,    /sovx/v1/customers",
        "credentials, /sovx/v1/customers/[^/]+/credentials",
        "user,        /sovx/v1/users",
        "wallet,      /sovx/v1/users/[^/]+/wallets",
        "address,     /sovx/v1/wallets/[^/]+/address"})
    void killedRightAfterACreateWasSentTheResumedConsoleFinishesWithOneOfEach(String step, String path)
            throws Exception {
        String id = "crash-" + step;
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
             FaultyLine line = new FaultyLine("http://127.0.0.1:" + sandbox.port())) {
            line.spoil(Spoil.HOLD, "POST", path);
            Process first = console(line.baseUrl(), id, "first");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (line.acted.get() == 0 && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(line.acted.get()).as("the create reached the server; console output: " + output("first"))
                    .isOne();
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            line.heal();

            Process second = console(line.baseUrl(), id, "second");
            assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("the resumed console finished").isTrue();
            String out = output("second");
            assertThat(second.exitValue()).as(out).isZero();
            assertThat(out).contains("RESUMED");
            String address = out.lines().filter(l -> l.startsWith("DONE ")).findFirst().orElseThrow()
                    .substring(5);
            assertThat(Addresses.isValid(address, Network.BITCOIN_TESTNET)).isTrue();

            try (SovxClient check = SovxClient.builder(sandbox.baseUrl()).build()) {
                check.credentials().useSession(check.api().login(new LoginRequest(DemoAccount.EMAIL,
                        DemoAccount.PASSWORD)).execute());
                assertThat(check.api().listCustomers(Filter.none().where("customer_id", id).asQuery()).execute()
                        .total()).isOne();
                check.credentials().useOwnerKey(check.api().createCredentials(id, null).execute().customerSecret());
                assertThat(check.api().listUsers(Filter.none().asQuery()).execute().total()).isOne();
                assertThat(check.api().listWallets(Filter.none().asQuery()).execute().total()).isOne();
                assertThat(check.api().listAddresses(Filter.none().asQuery()).execute().rows())
                        .singleElement().satisfies(a -> assertThat(a.address()).isEqualTo(address));
            }
        }
    }

    private Process console(String baseUrl, String id, String name) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                "-Dsovx.logs=" + System.getProperty("sovx.logs")));
        command.addAll(List.of(WizardDriver.class.getName(), home.resolve("console").toString(), baseUrl, id));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".out").toFile()).start();
    }

    private String output(String name) throws Exception {
        Path file = home.resolve(name + ".out");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
