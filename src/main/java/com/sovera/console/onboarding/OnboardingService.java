package com.sovera.console.onboarding;

import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.CustomerCredentials;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.Health;
import com.sovera.console.api.model.LoginRequest;
import com.sovera.console.api.model.NewAddress;
import com.sovera.console.api.model.NewWallet;
import com.sovera.console.api.model.Session;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.deposit.DepositCheck;
import com.sovera.console.provision.Provisioner;
import java.util.UUID;

/**
 * The wizard's calls, without JavaFX. {@link #record} journals a step's inputs and idempotency key (on the FX
 * thread, in order); the create methods (on a worker) send once that journal is on disk, through the same
 * {@link Provisioner} as every other write, adopting the existing object after a conflict.
 */
public final class OnboardingService {

    private final SovxClient client;
    private final Journal journal;
    private final Provisioner writes;

    public OnboardingService(SovxClient client, Journal journal) {
        this(client, journal, Provisioner.Adoptions.NONE);
    }

    /** @param adoptions told of a customer or user adopted after a conflict (the audit trail's "reused") */
    public OnboardingService(SovxClient client, Journal journal, Provisioner.Adoptions adoptions) {
        this.client = client;
        this.journal = journal;
        this.writes = new Provisioner(client.api(), journal::awaitWritten, adoptions);
    }

    public SovxClient client() {
        return client;
    }

    /** Queues the progress for the journal; returns at once. Call it on one thread only, so writes keep order. */
    public void record(Progress progress) {
        journal.save(progress);
    }

    public Health health() {
        return client.api().health().execute();
    }

    /** Signs in; the caller hands the session to the client on the FX thread (a sign-out meanwhile drops it). */
    public Session signIn(String email, String password) {
        client.redactor().remember(password);
        return client.api().login(new LoginRequest(email, password)).execute();
    }

    public Provisioner.Outcome<com.sovera.console.api.model.Customer> createCustomer(Progress.Customer c)
            throws Exception {
        return writes.customer(c.body(), c.key());
    }

    /** Mints an owner key; the client holds it for the steps that follow (in memory only). */
    public CustomerCredentials mintKey(String customerId, String key) throws Exception {
        // the caller puts the key into the client on the FX thread, where a sign-out meanwhile drops the answer
        return writes.ownerKey(customerId, key);
    }

    public Provisioner.Outcome<com.sovera.console.api.model.User> createUser(Progress.User u) throws Exception {
        return writes.user(u.body(), u.key(), Provisioner.SameUser.SAME_PERSON);
    }

    public Wallet createWallet(String userId, Progress.Wallet w) throws Exception {
        return writes.wallet(userId, new NewWallet(w.name(), w.currency()), w.key());
    }

    public DepositAddress createAddress(String walletId, String currency, Progress.Address a) throws Exception {
        return writes.address(walletId, new NewAddress(currency, a.network()), a.key());
    }

    /** Every check before a QR code is shown; a transient read-back failure is thrown, to be retried. */
    public DepositCheck.Result verify(Progress p) {
        DepositAddress a = new DepositAddress(p.address().addressId(), p.walletId(), p.wallet().currency(),
                p.address().network(), p.depositAddress(), null);
        return DepositCheck.verify(a, client.api());
    }

    /** A key for a mint: the journaled one until that mint answered, then a fresh one for the next. */
    static String mintKey(Progress.Credentials stored) {
        return stored != null && !stored.minted() && stored.key() != null ? stored.key() : UUID.randomUUID().toString();
    }
}
