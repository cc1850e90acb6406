package com.sovera.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewCustomer;
import com.sovera.console.api.model.OwnerKey;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.sandbox.Training;
import com.sovera.console.session.Sessions;
import com.sovera.console.ui.task.ManualTaskRunner;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import com.sovera.console.session.SessionEnd;
import org.junit.jupiter.api.Test;

/**
 * A customer's owner keys in the console: listed without secrets, revoked only by their last four, rotated with
 * the new key shown once; a revoked key is refused by the server and whoever held it is told.
 */
class OwnerKeysModelTest {

    private SandboxServer sandbox;
    private SovxClient session;
    private String firstKey;
    private final List<String> revoked = new ArrayList<>();
    private final List<String> rotated = new ArrayList<>();
    private final List<String> minted = new ArrayList<>();
    private final List<String> confirmed = new ArrayList<>();

    @BeforeEach
    void open() {
        sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
        session = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE).build();
        session.credentials().useSession(session.api().login(new LoginRequest(DemoAccount.EMAIL,
                DemoAccount.PASSWORD)).execute());
        session.api().createCustomer(new NewCustomer("ops@keys.example", "keys-corp", "Keys Corp"), null).execute();
        firstKey = session.api().createCredentials("keys-corp", null).execute().customerSecret();
    }

    @AfterEach
    void close() {
        session.close();
        sandbox.close();
    }

    private OwnerKeysViewModel model() {
        OwnerKeysViewModel model = new OwnerKeysViewModel(Sessions.calls(session, new SameThreadTaskRunner()));
        model.setOnRevoked((customer, lastFour) -> revoked.add(customer + " …" + lastFour));
        model.setOnRotated((customer, key) -> rotated.add(customer + " " + key));
        model.setOnMinted((customer, key) -> minted.add(customer + " " + key));
        model.setOnConfirmed((customer, key) -> confirmed.add(customer + " " + key));
        model.show("keys-corp");
        return model;
    }

    private boolean works(String key) {
        try (SovxClient owner = SovxClient.builder(sandbox.baseUrl()).retryPolicy(RetryPolicy.NONE).build()) {
            owner.credentials().useOwnerKey(key);
            owner.api().listUsers(Filter.page(1, 0).asQuery()).execute();
            return true;
        } catch (ApiException e) {
            if (e.httpStatus() == 401) {
                return false;
            }
            throw e;
        }
    }

    private static String lastFour(String key) {
        return key.substring(key.length() - 4);
    }

    @Test
    void aKeyIsRevokedOnlyOnceItsLastFourAreTypedAndIsRefusedFromThen() {
        OwnerKeysViewModel model = model();
        assertThat(model.list().rows()).singleElement().satisfies(k -> {
            assertThat(k.lastFour()).isEqualTo(lastFour(firstKey));
            assertThat(k.toString()).doesNotContain(firstKey);
        });
        model.selected.set(model.list().rows().get(0));
        model.revokeTyped.set("zzzz");
        assertThat(model.canRevoke().get()).isFalse();
        model.revoke();
        assertThat(works(firstKey)).as("nothing revoked without the right last four").isTrue();

        model.revokeTyped.set(lastFour(firstKey));
        assertThat(model.canRevoke().get()).isTrue();
        model.revoke();
        assertThat(works(firstKey)).isFalse();
        assertThat(revoked).containsExactly("keys-corp …" + lastFour(firstKey));
        assertThat(model.list().rows()).singleElement().satisfies(k -> assertThat(k.isRevoked()).isTrue());
        model.selected.set(model.list().rows().get(0));
        model.revokeTyped.set(lastFour(firstKey));
        assertThat(model.canRevoke().get()).as("a revoked key is not revoked again").isFalse();
    }

    @Test
    void rotatingShowsTheNewKeyOnceAndRevokesTheOldOnlyAfterItIsConfirmed() {
        OwnerKeysViewModel model = model();
        model.selected.set(model.list().rows().get(0));
        model.rotate();
        String fresh = model.newSecret.get();
        assertThat(fresh).isNotBlank().isNotEqualTo(firstKey);
        assertThat(model.rotationProperty().get()).isEqualTo(OwnerKeysViewModel.Rotation.SHOWN);
        assertThat(model.list().rows()).hasSize(2);
        assertThat(works(firstKey)).as("the old key works until the new one is confirmed").isTrue();
        assertThat(model.canFinishRotation().get()).isFalse();

        model.newLastFour.set(lastFour(fresh));
        model.finishRotation();
        assertThat(works(firstKey)).isFalse();
        assertThat(works(fresh)).isTrue();
        assertThat(model.newSecret.get()).as("the new key leaves the screen").isNull();
        assertThat(rotated).containsExactly("keys-corp " + fresh);
        assertThat(revoked).containsExactly("keys-corp …" + lastFour(firstKey));
    }

    @Test
    void aRevokeStillOutWhenTheOperatorMovesOnStillReachesEveryHolderOfTheKey() {
        com.sovera.console.ui.task.ManualTaskRunner runner = new com.sovera.console.ui.task.ManualTaskRunner();
        OwnerKeysViewModel model = new OwnerKeysViewModel(Sessions.calls(session, runner));
        model.setOnRevoked((customer, lastFour) -> revoked.add(customer + " …" + lastFour));
        model.show("keys-corp");
        runner.runAll();
        model.selected.set(model.list().rows().get(0));
        model.revokeTyped.set(lastFour(firstKey));
        model.revoke();
        model.show(DemoAccount.CUSTOMER_ID); // another customer clicked before the answer came
        runner.runAll();
        assertThat(works(firstKey)).isFalse();
        assertThat(revoked).containsExactly("keys-corp …" + lastFour(firstKey));
    }

    @Test
    void aRevokeThatFailsAfterTheOperatorMovedOnSaysTheKeyStillWorks() {
        ManualTaskRunner runner = new ManualTaskRunner();
        OwnerKeysViewModel model = new OwnerKeysViewModel(Sessions.calls(session, runner));
        model.setOnRevoked((customer, lastFour) -> revoked.add(customer + " …" + lastFour));
        model.show("keys-corp");
        runner.runAll();
        model.selected.set(model.list().rows().get(0));
        model.revokeTyped.set(lastFour(firstKey));
        sandbox.training().arm("DELETE /customers/{customer_id}/credentials/{key_id}",
                Training.Fault.INTERNAL_ERROR, 1);
        model.revoke();
        model.show(DemoAccount.CUSTOMER_ID); // another customer clicked before the answer came
        runner.runAll();
        assertThat(works(firstKey)).isTrue();
        assertThat(revoked).isEmpty();
        assertThat(model.messageProperty().get()).contains("Revoking key …" + lastFour(firstKey) + " of keys-corp")
                .contains("it still works");
    }

    @Test
    void aRotationLeftWhileMintingIsReportedAndAnotherCustomerCanStillRotate() {
        String demoKey = session.api().createCredentials(DemoAccount.CUSTOMER_ID, null).execute().customerSecret();
        com.sovera.console.ui.task.ManualTaskRunner runner = new com.sovera.console.ui.task.ManualTaskRunner();
        OwnerKeysViewModel model = new OwnerKeysViewModel(Sessions.calls(session, runner));
        model.show("keys-corp");
        runner.runAll();
        model.selected.set(model.list().rows().get(0));
        model.rotate();
        model.show(DemoAccount.CUSTOMER_ID);
        runner.runAll();
        assertThat(model.newSecret.get()).as("the key minted for keys-corp is not shown on another's screen")
                .isNull();
        assertThat(model.messageProperty().get()).contains("was minted for keys-corp while you moved on");
        model.selected.set(model.list().rows().stream().filter(k -> demoKey.endsWith(k.lastFour())).findFirst()
                .orElseThrow());
        model.rotate();
        runner.runAll();
        assertThat(model.problemProperty().get()).as("no idempotency key reused across customers").isNull();
        assertThat(model.newSecret.get()).isNotNull();
    }

    @Test
    void aLookupsDeskListsTheKeysButNeitherRevokesNorRotates() {
        OwnerKeysViewModel model = model();
        model.setLookupsOnly(true);
        assertThat(model.lookupsOnlyProperty().get()).isTrue();
        assertThat(model.list().rows()).as("the keys are still listed").hasSize(1);
        model.selected.set(model.list().rows().get(0));
        model.revokeTyped.set(lastFour(firstKey));
        assertThat(model.canRevoke().get()).isFalse();
        assertThat(model.canRotate().get()).isFalse();
        model.revoke();
        model.rotate();
        assertThat(works(firstKey)).as("not revoked").isTrue();
        assertThat(session.api().listCredentials("keys-corp", Filter.none().asQuery()).execute().rows())
                .as("nothing minted").hasSize(1);
        assertThat(revoked).isEmpty();
        assertThat(minted).isEmpty();
        model.setLookupsOnly(false);
        assertThat(model.canRevoke().get()).as("the same key on a desk that writes").isTrue();
        assertThat(model.canRotate().get()).isTrue();
    }

    @Test
    void aWriteTheOperatorDoesNotConfirmChangesNothing() {
        OwnerKeysViewModel model = model();
        model.setWriteGuard(() -> false);
        model.selected.set(model.list().rows().get(0));
        model.revokeTyped.set(lastFour(firstKey));
        model.revoke();
        model.rotate();
        assertThat(model.problemProperty().get().title()).isEqualTo("Not confirmed");
        assertThat(works(firstKey)).isTrue();
        assertThat(session.api().listCredentials("keys-corp", Filter.none().asQuery()).execute().rows())
                .extracting(OwnerKey::keyId).hasSize(1);
    }

    @Test
    void aServerWithoutKeyManagementSaysItIsNotOffered() throws Exception {
        try (MockWebServer mock = new MockWebServer()) {
            mock.start();
            mock.enqueue(new MockResponse.Builder().code(405).body("<html>Method Not Allowed</html>").build());
            try (SovxClient client = SovxClient.builder(mock.url("/sovx/v1").toString())
                    .retryPolicy(RetryPolicy.NONE).build()) {
                client.credentials().useSession(new com.sovera.console.api.model.Session("token-000000000000000",
                        null));
                OwnerKeysViewModel model = new OwnerKeysViewModel(Sessions.calls(client, new SameThreadTaskRunner()));
                model.show("any-customer");
                assertThat(model.list().stateProperty().get()).isEqualTo(PagedViewModel.State.NOT_OFFERED);
                assertThat(model.list().messageProperty().get()).contains("does not offer");
                assertThat(model.canRotate().get()).isFalse();
            }
        }
    }

    @Test
    void aRevokedKeyIsDroppedByTheLookupsThatUsedIt() {
        SovxClient lookups = session.derive();
        LookupContextViewModel context = new LookupContextViewModel(Sessions.calls(session,
                lookups, new SameThreadTaskRunner()),
                new com.sovera.console.session.KeyRing("embedded", () -> {
                    throw new IllegalStateException("no keychain in this test");
                }, new SameThreadTaskRunner(), com.sovera.console.policy.Policy.NONE));
        context.use("keys-corp", firstKey);
        context.revoked("keys-corp", "nope");
        assertThat(lookups.credentials().hasOwnerKey()).as("another key's last four: kept").isTrue();
        context.revoked("keys-corp", lastFour(firstKey));
        assertThat(lookups.credentials().hasOwnerKey()).isFalse();
        assertThat(context.customerIdProperty().get()).isNull();
        assertThat(context.messageProperty().get()).contains("was revoked");
        assertThatThrownBy(() -> lookups.api().listUsers(Filter.none().asQuery()).execute())
                .hasMessageContaining("owner key");
    }

    @Test
    void showingTheSameCustomerAgainShowsAKeyMintedElsewhereMeanwhile() {
        OwnerKeysViewModel model = model();
        assertThat(model.list().rows()).hasSize(1);
        session.api().createCredentials("keys-corp", null).execute(); // the wizard's "Mint owner key..."
        model.show("keys-corp"); // F5, or the shell told of the mint
        assertThat(model.list().rows()).as("the keys listed now").hasSize(2);
    }

    @Test
    void signingOutAsksBeforeDroppingARotatedKeyShownOnce() {
        OwnerKeysViewModel model = model();
        model.selected.set(model.list().rows().get(0));
        model.rotate();
        String fresh = model.newSecret.get();
        List<String> asked = new ArrayList<>();
        assertThat(model.sessionClosing(SessionEnd.SIGN_OUT, (title, text, options) -> {
            asked.add(title + " " + text + " " + options);
            return options.indexOf("_Stay");
        })).isFalse();
        assertThat(asked).singleElement().asString().startsWith("Sign out? ").contains("ending in " + lastFour(fresh))
                .contains("Signing out takes the new key off the screen").endsWith("[Sign _out, _Stay]");
        // closing the window asks the same, in its own words
        assertThat(model.sessionClosing(SessionEnd.CLOSE_WINDOW, (title, text, options) -> {
            asked.add(title + " " + text + " " + options);
            return options.indexOf("_Stay");
        })).isFalse();
        assertThat(asked.get(1)).startsWith("Close the console? ").contains("ending in " + lastFour(fresh))
                .contains("Closing the console takes the new key off the screen").endsWith("[_Close, _Stay]")
                .doesNotContain("Sign");
        assertThat(model.sessionClosing(SessionEnd.IDLE, com.sovera.console.ui.Ask.NOBODY)).as("idle: nobody to ask")
                .isTrue();
        assertThat(model.sessionClosing(SessionEnd.SIGN_OUT, (title, text, options) -> options.indexOf("Sign _out")))
                .isTrue();
        model.newLastFour.set(lastFour(fresh));
        model.finishRotation();
        assertThat(model.sessionClosing(SessionEnd.SIGN_OUT, (title, text, options) -> -1))
                .as("nothing shown: nothing asked").isTrue();
    }

    @Test
    void aRotatedKeyIsConfirmedOnlyByItsLastFourAndLeavingItUnconfirmedSaysSo() {
        session.api().createCustomer(new NewCustomer("ops@other.example", "other-corp", "Other Corp"), null)
                .execute();
        OwnerKeysViewModel model = model();
        model.selected.set(model.list().rows().get(0));
        model.rotate();
        String fresh = model.newSecret.get();
        assertThat(minted).containsExactly("keys-corp " + fresh);
        model.show("other-corp"); // the operator selects another customer's row with the key on screen
        assertThat(confirmed).as("nobody confirmed storing it").isEmpty();
        assertThat(model.messageProperty().get()).contains("…" + lastFour(fresh)).contains("keys-corp")
                .contains("not confirmed");

        model.show("keys-corp");
        model.selected.set(model.list().rows().stream().filter(k -> !k.isRevoked()).findFirst().orElseThrow());
        model.rotate();
        String second = model.newSecret.get();
        model.abandonRotation();
        assertThat(confirmed).as("stopped without confirming").isEmpty();
        model.selected.set(model.list().rows().stream().filter(k -> !k.isRevoked()).findFirst().orElseThrow());
        model.rotate();
        String third = model.newSecret.get();
        model.newLastFour.set(lastFour(third));
        model.finishRotation();
        assertThat(minted).containsExactly("keys-corp " + fresh, "keys-corp " + second, "keys-corp " + third);
        assertThat(confirmed).containsExactly("keys-corp " + third);
    }

    @Test
    void aKeyMintedWhileTheOperatorMovedOnIsOneNobodyConfirmed() {
        ManualTaskRunner runner = new ManualTaskRunner();
        OwnerKeysViewModel model = new OwnerKeysViewModel(Sessions.calls(session, runner));
        model.setOnMinted((customer, key) -> minted.add(customer + " " + key));
        model.setOnConfirmed((customer, key) -> confirmed.add(customer + " " + key));
        model.show("keys-corp");
        runner.runAll();
        model.selected.set(model.list().rows().get(0));
        model.rotate();
        model.show(null);
        runner.runAll();
        assertThat(minted).singleElement().asString().startsWith("keys-corp ");
        assertThat(confirmed).isEmpty();
    }
}
