package com.sovera.console.bulk;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxApi;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.NewAddress;
import com.sovera.console.api.model.NewWallet;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.bulk.RunState.RowState;
import com.sovera.console.bulk.RunState.WalletState;
import com.sovera.console.chain.AddressFormatException;
import com.sovera.console.chain.PaymentUri;
import com.sovera.console.provision.Provisioner;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The steps of one row: its user, a wallet, an address. Every create goes through {@link Provisioner} with an
 * idempotency key journaled (and on disk) before it is sent; a 409 adopts the existing user. A user that already
 * existed keeps the wallet of a listed currency it has, and a wallet that existed keeps its address on the
 * network, so a second run of a file creates nothing twice; what was created by this run's own earlier (lost)
 * send counts as created. Each address is checked (network, currency, checksum) before it is recorded.
 */
final class RowSteps {

    /** Idempotency keys are kept by the server for 24 hours: resuming later, look objects up before resending. */
    static final Duration KEYS_TRUSTED = Duration.ofHours(20);

    /** How a step's requests are sent: the run waits while paused and retries a 429. */
    interface Sender {
        <T> T send(Step<T> step) throws RunStopped;
    }

    /** One request of a step, which may throw what {@link Provisioner} throws. */
    @FunctionalInterface
    interface Step<T> {
        T call() throws Exception;
    }

    private final SovxApi api;
    private final RunJournal journal;
    private final RunState state;
    private final Sender sender;
    private final boolean keysMayHaveExpired;
    private final Provisioner.Adoptions adoptions;
    /** Users and wallets this process created under keys it chose: they cannot have anything yet. */
    private final Set<Object> fresh = ConcurrentHashMap.newKeySet();

    RowSteps(SovxApi api, RunJournal journal, RunState state, Sender sender, boolean keysMayHaveExpired,
             Provisioner.Adoptions adoptions) {
        this.api = api;
        this.adoptions = adoptions;
        this.journal = journal;
        this.state = state;
        this.sender = sender;
        this.keysMayHaveExpired = keysMayHaveExpired;
    }

    void ensureUser(RowState row) throws RunStopped {
        if (row.userId != null) {
            return;
        }
        PlannedRow plan = row.plan;
        if (plan.existingUserId() != null && row.userKey == null) {
            record(row, () -> {
                row.userId = plan.existingUserId();
                row.userExisted = true;
            }, RunEvent.got(RunEvent.USER, plan.row(), null, plan.existingUserId(), true, now()));
            return;
        }
        boolean newKey = row.userKey == null;
        if (newKey) {
            row.userKey = UUID.randomUUID().toString();
        }
        String key = row.userKey;
        CompletableFuture<Void> keyWritten = newKey
                ? journal.write(RunEvent.key(RunEvent.USER_KEY, plan.row(), null, key, now()))
                : CompletableFuture.completedFuture(null);
        Provisioner.Outcome<User> got = sender.send(() -> provisioner(keyWritten).user(plan.user(), key,
                Provisioner.SameUser.SAME_EMAIL));
        boolean existed = got.existed() && newKey; // a conflict with our own earlier send is ours
        if (newKey && !got.existed()) {
            fresh.add(row);
        }
        record(row, () -> {
            row.userId = got.value().userId();
            row.userExisted = existed;
        }, RunEvent.got(RunEvent.USER, plan.row(), null, got.value().userId(), existed, now()));
    }

    void ensureWallet(RowState row, int index, WalletState w) throws RunStopped {
        if (w.walletId != null) {
            return;
        }
        String currency = w.request.currency();
        if (!fresh.contains(row) && (w.walletKey == null || keysMayHaveExpired)) {
            Wallet found = sender.send(() -> findWallet(row.userId, currency));
            if (found != null) {
                boolean existed = w.walletKey == null;
                record(row, () -> {
                    w.walletId = found.walletId();
                    w.walletExisted = existed;
                }, RunEvent.got(RunEvent.WALLET, row.plan.row(), index, found.walletId(), existed, now()));
                return;
            }
        }
        boolean newKey = w.walletKey == null;
        if (newKey) {
            w.walletKey = UUID.randomUUID().toString();
        }
        String key = w.walletKey;
        CompletableFuture<Void> keyWritten = newKey
                ? journal.write(RunEvent.key(RunEvent.WALLET_KEY, row.plan.row(), index, key, now()))
                : CompletableFuture.completedFuture(null);
        Wallet created = sender.send(() -> provisioner(keyWritten).wallet(row.userId,
                new NewWallet(currency + " wallet", currency), key));
        if (newKey) {
            fresh.add(w);
        }
        record(row, () -> {
            w.walletId = created.walletId();
            w.walletExisted = false;
        }, RunEvent.got(RunEvent.WALLET, row.plan.row(), index, created.walletId(), false, now()));
    }

    void ensureAddress(RowState row, int index, WalletState w) throws RunStopped {
        if (w.address != null) {
            return;
        }
        WalletRequest wanted = w.request;
        DepositAddress address = null;
        boolean existed = false;
        if (!fresh.contains(w) && (w.addressKey == null || keysMayHaveExpired)) {
            address = sender.send(() -> findAddress(w.walletId, wanted));
            existed = address != null && w.addressKey == null;
        }
        if (address == null) {
            boolean newKey = w.addressKey == null;
            if (newKey) {
                w.addressKey = UUID.randomUUID().toString();
            }
            String key = w.addressKey;
            CompletableFuture<Void> keyWritten = newKey
                    ? journal.write(RunEvent.key(RunEvent.ADDRESS_KEY, row.plan.row(), index, key, now()))
                    : CompletableFuture.completedFuture(null);
            address = sender.send(() -> provisioner(keyWritten).address(w.walletId,
                    new NewAddress(wanted.currency(), wanted.network().id()), key));
        }
        String paymentUri = verified(address, wanted);
        DepositAddress got = address;
        boolean wasThere = existed;
        record(row, () -> {
            w.address = got.address();
            w.addressExisted = wasThere;
            w.paymentUri = paymentUri;
        }, RunEvent.address(row.plan.row(), index, got.addressId(), existed, got.address(), paymentUri, now()));
    }

    /** The address checked for its network, currency and checksum; its payment URI. */
    private static String verified(DepositAddress address, WalletRequest wanted) {
        if (address.network() != null && !address.network().equalsIgnoreCase(wanted.network().id())) {
            throw new AddressFormatException("The server gave an address on " + address.network() + ", not "
                    + wanted.network().id() + ".");
        }
        if (address.currency() != null && !address.currency().equalsIgnoreCase(wanted.currency())) {
            throw new AddressFormatException("The server gave a " + address.currency() + " address, not "
                    + wanted.currency() + ".");
        }
        return PaymentUri.forDeposit(wanted.currency(), wanted.network(), address.address());
    }

    private Wallet findWallet(String userId, String currency) {
        try {
            return api.listUserWallets(userId, Filter.page(100, 0).where("currency", currency)
                            .sort("created_at", Filter.Direction.ASC).asQuery()).execute().rows().stream()
                    .filter(w -> currency.equalsIgnoreCase(w.currency())).findFirst().orElse(null);
        } catch (ApiException e) {
            if (e.isNotOffered()) {
                return null; // the (assumed) list is not offered: the create's key still guards a resend
            }
            throw e;
        }
    }

    private DepositAddress findAddress(String walletId, WalletRequest wanted) {
        try {
            return api.listAddresses(Filter.page(1, 0).where("wallet_id", walletId)
                            .where("network", wanted.network().id()).sort("created_at", Filter.Direction.ASC)
                            .asQuery()).execute().rows().stream()
                    .filter(a -> wanted.network().id().equalsIgnoreCase(a.network())).findFirst().orElse(null);
        } catch (ApiException e) {
            if (e.isNotOffered()) {
                return null; // the (assumed) list is not offered: the create's key still guards a resend
            }
            throw e;
        }
    }

    private Provisioner provisioner(CompletableFuture<Void> keyWritten) {
        return new Provisioner(api, keyWritten::get, adoptions);
    }

    /** A step of a row's state changed: in memory and in the journal. */
    void record(RowState row, Runnable change, RunEvent event) {
        synchronized (state) {
            change.run();
            row.lastAt = event.at();
        }
        journal.write(event);
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
