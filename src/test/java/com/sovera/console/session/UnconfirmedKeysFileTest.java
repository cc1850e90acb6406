package com.sovera.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key minted and never confirmed is named at the next sign-in, even after a restart, a crash or a switch. */
class UnconfirmedKeysFileTest {

    private static final String KEY = "sk_test_4f9c2a7e1b3d5f6a8c0e2b4d6f8a1c3eX4Dz";

    @TempDir
    Path dir;

    private UnconfirmedKeysFile file(String environment) {
        return new UnconfirmedKeysFile(dir.resolve("unconfirmed-keys.json"), environment);
    }

    private static void written(UnconfirmedKeysFile file) throws Exception {
        file.written().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aKeyMintedAndNotConfirmedIsNamedAtTheFirstSignInOfTheNextRunNotLater() throws Exception {
        UnconfirmedKeysFile before = file("embedded");
        SessionState running = new SessionState(before);
        running.signedIn("ops@example.com", null);
        running.current().keyMinted("cust_1", KEY); // and then the console crashed: no sign-out, no close
        written(before);

        UnconfirmedKeysFile after = file("embedded");
        SessionState next = new SessionState(after);
        next.recall(after.load());
        next.signedIn("ops@example.com", null);
        assertThat(next.takeUnconfirmedKeys()).extracting(AccountSession.MintedKey::describe)
                .containsExactly("Key …X4Dz of cust_1 was minted and never confirmed.");
        written(after);
        assertThat(file("embedded").load()).as("named once").isEmpty();
    }

    @Test
    void aConfirmedKeyIsNotNamedAndTheFileHoldsNoKey() throws Exception {
        UnconfirmedKeysFile store = file("embedded");
        SessionState state = new SessionState(store);
        state.current().keyMinted("cust_1", KEY);
        written(store);
        assertThat(Files.readString(dir.resolve("unconfirmed-keys.json"))).contains("X4Dz").doesNotContain(KEY)
                .doesNotContain(KEY.substring(0, KEY.length() - 4));

        state.current().keyConfirmed("cust_1", KEY);
        written(store);
        assertThat(file("embedded").load()).isEmpty();
    }

    @Test
    void eachEnvironmentKeepsItsOwnAndASignOutKeepsThem() throws Exception {
        UnconfirmedKeysFile embedded = file("embedded");
        SessionState here = new SessionState(embedded);
        here.current().keyMinted("cust_1", KEY);
        written(embedded);
        UnconfirmedKeysFile staging = file("https://staging.example/sovx/v1");
        new SessionState(staging).current().keyMinted("cust_9", "sk_other_key_abcd");
        written(staging);

        here.signedOut(); // the key moves to those left unconfirmed: still on disk
        written(embedded);
        assertThat(file("embedded").load()).containsExactly(new AccountSession.MintedKey("cust_1", "X4Dz"));
        assertThat(file("https://staging.example/sovx/v1").load())
                .containsExactly(new AccountSession.MintedKey("cust_9", "abcd"));
    }

    @Test
    void aFileThatCannotBeReadNamesNothingAndIsSetAside() throws Exception {
        Files.writeString(dir.resolve("unconfirmed-keys.json"), "{\"environments\": [nonsense");
        assertThat(file("embedded").load()).isEmpty();
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(n -> n.startsWith("unconfirmed-keys.json.corrupt-"));
        }
        UnconfirmedKeysFile store = file("embedded");
        store.save(List.of(new AccountSession.MintedKey("cust_1", "X4Dz")));
        written(store);
        assertThat(file("embedded").load()).hasSize(1);
    }
}
