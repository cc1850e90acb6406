package com.sovera.console.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sovera.console.platform.Keychain;
import com.sovera.console.policy.Policy;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Where the administrator forbids the keychain, the console never looks for it and says why. */
class KeyRingPolicyTest {

    private final AtomicInteger probes = new AtomicInteger();
    private final Callable<Keychain> prober = () -> {
        probes.incrementAndGet();
        return Keychain.probe();
    };

    @Test
    void aForbiddenKeychainIsNeverTouchedAndTheScreensSayWhy() {
        KeyRing ring = new KeyRing("embedded", prober, new SameThreadTaskRunner(),
                Policy.builder().keychainAllowed(false).build());
        assertThat(probes).as("the keychain is not even looked for").hasValue(0);
        assertThat(ring.availableProperty().get()).isFalse();
        assertThat(ring.noteProperty().get()).isEqualTo(KeyRing.FORBIDDEN).contains("administrator");
        assertThat(ring.load("demo-customer")).isEmpty();
        assertThatThrownBy(() -> ring.store("demo-customer", "sxs_not-a-real-key"))
                .isInstanceOf(IllegalStateException.class).hasMessage(KeyRing.FORBIDDEN);
        ring.forget("demo-customer");
        assertThat(probes).hasValue(0);
    }

    @Test
    void failingClosedForbidsItToo() {
        KeyRing ring = new KeyRing("embedded", prober, new SameThreadTaskRunner(), Policy.MOST_RESTRICTIVE);
        assertThat(probes).hasValue(0);
        assertThat(ring.noteProperty().get()).isEqualTo(KeyRing.FORBIDDEN);
    }

    @Test
    void withoutAPolicyTheKeychainIsLookedFor() {
        KeyRing ring = new KeyRing("embedded", prober, new SameThreadTaskRunner(), Policy.NONE);
        assertThat(probes).hasValue(1);
        assertThat(ring.noteProperty().get()).isNotEqualTo(KeyRing.FORBIDDEN);
    }
}
