package com.sovera.console.deposit;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.RateLimit;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.Transaction;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.ui.task.Job;
import com.sovera.console.ui.task.JobGroup;
import com.sovera.console.ui.task.Latest;
import com.sovera.console.ui.task.Scheduler;
import com.sovera.console.ui.task.TaskRunner;
import com.sovera.console.ui.task.Work;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The address panel's wait for a deposit: "Waiting for a deposit…", then "0.0015 BTC seen, 1 of 3 confirmations",
 * then "Received" with the tx hash, without the operator doing anything. One poll at a time for the address shown,
 * every 2 s growing to 30 s (back to 2 s when something moved), the server's {@code Retry-After} honoured; it stops
 * when the panel leaves the screen or the session closes, and an answer for an address no longer shown is dropped.
 * With an amount requested it compares the deposits made since the request with it. A server that does not report
 * transactions gets the wallet's balance instead. FX thread only.
 */
public final class DepositWatch {

    /** Where the wait stands. */
    public enum State { IDLE, WAITING, SEEN, RECEIVED, NOT_OFFERED }

    static final Duration FIRST = Duration.ofSeconds(2);
    static final Duration LONGEST = Duration.ofSeconds(30);
    private static final int ROWS = 100;

    /** What one poll found: the address's deposits, newest first, or (transactions not offered) the wallet. */
    private record Answer(List<Transaction> deposits, Wallet wallet, RateLimit rateLimit) {
    }

    private final Supplier<SovxClient> client;
    private final TaskRunner runner;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Supplier<JobGroup> session;
    private final Latest latest;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper comparison = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper txHash = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper polling = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<BigDecimal> requested = new SimpleObjectProperty<>();

    private DepositAddress address;
    private SovxClient watching;
    private JobGroup group;
    private Scheduler.Timer next;
    private Duration delay = FIRST;
    private boolean notOffered;
    private Instant requestedAt;
    private Answer last;
    private String shownBefore = "";
    private Duration delayPlanned = FIRST;

    /**
     * @param client  the lookups' or the wizard's client, holding the owner key of the address's customer
     * @param runner  the work runner (its jobs are made part of the session's group)
     * @param session the job group of the session in force: closing it (sign-out) stops the watch
     */
    public DepositWatch(Supplier<SovxClient> client, TaskRunner runner, Scheduler scheduler, Clock clock,
                        Supplier<JobGroup> session) {
        this.client = client;
        this.runner = runner;
        this.scheduler = scheduler;
        this.clock = clock;
        this.session = session;
        this.latest = new Latest(new TaskRunner() {
            @Override
            public <T> Job run(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
                return group.run(runner, work, onSuccess, onFailure);
            }

            @Override
            public void later(Runnable action) {
                runner.later(action);
            }
        });
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The line the panel shows: waiting, seen with confirmations, received, or not offered with the balance. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** With an amount requested and a deposit since: exact, under-paid by X or over-paid by X; else empty. */
    public ReadOnlyStringProperty comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** The latest deposit's transaction hash, for copying; empty before one is seen. */
    public ReadOnlyStringProperty txHashProperty() {
        return txHash.getReadOnlyProperty();
    }

    /** Why the last poll failed and when the next is; empty when it did not. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True while a poll is planned or under way. */
    public ReadOnlyBooleanProperty pollingProperty() {
        return polling.getReadOnlyProperty();
    }

    /** The amount asked of the customer, or null. */
    public ReadOnlyObjectProperty<BigDecimal> requestedProperty() {
        return requested;
    }

    /** Starts waiting for deposits to this address (the one shown now); null, or an address of no wallet, stops. */
    public void watch(DepositAddress shown) {
        stop();
        address = shown;
        requested.set(null);
        requestedAt = null;
        notOffered = false;
        last = null;
        shownBefore = "";
        status.set("");
        comparison.set("");
        txHash.set("");
        problem.set("");
        if (shown == null || shown.walletId() == null) {
            state.set(State.IDLE);
            return;
        }
        group = session.get();
        watching = client.get().forWatch("/wallets/" + shown.walletId() + "/transactions (deposits to "
                + shown.address() + ", every 2-30 s)");
        state.set(State.WAITING);
        status.set("Waiting for a deposit…");
        poll();
    }

    /**
     * Asks the customer for {@code amount} (null: no amount) from now: deposits made after this moment are summed
     * and compared with it. Checks at once.
     */
    public void request(BigDecimal amount) {
        requested.set(amount);
        requestedAt = amount == null ? null : clock.instant();
        if (last != null) {
            show(last);
        }
        if (address != null && group != null && watching != null) {
            cancelTimer();
            latest.cancel();
            delay = FIRST;
            poll();
        }
    }

    /**
     * The panel left the screen: no poll runs or is planned any more, an answer on its way is dropped, and the
     * copy of the owner key the polls used is let go.
     */
    public void stop() {
        cancelTimer();
        latest.cancel();
        polling.set(false);
        watching = null;
        delay = FIRST;
    }

    private void cancelTimer() {
        if (next != null) {
            next.stop();
            next = null;
        }
    }

    private void poll() {
        next = null;
        if (group == null || group.isClosed()) {
            stop(); // signed out: this session's watch is over
            return;
        }
        polling.set(true);
        String walletId = address.walletId();
        String wanted = address.address();
        boolean walletOnly = notOffered;
        SovxClient calls = watching;
        latest.load(job -> {
            if (walletOnly) {
                Wallet wallet = job.execute(calls.api().getWallet(walletId));
                return new Answer(null, wallet, calls.lastRateLimit());
            }
            List<Transaction> rows = job.execute(calls.api().listWalletTransactions(walletId, Filter.page(ROWS, 0)
                    .where("address", wanted).sort("created_at", Filter.Direction.DESC).asQuery())).rows();
            return new Answer(rows, null, calls.lastRateLimit());
        }, answer -> {
            problem.set("");
            show(answer);
            RateLimit limit = answer.rateLimit();
            boolean spent = limit.remaining() != null && limit.remaining() <= 0 && limit.reset() != null;
            // the credential's window is spent (the lookups share it): the next poll waits for it to reset
            planNext(spent ? Duration.between(clock.instant(), limit.reset()) : null);
        }, failure -> {
            if (!notOffered && ApiException.isNotOffered(failure)) {
                notOffered = true; // this server does not report transactions: watch the wallet's balance
                poll();
                return;
            }
            Duration wait = failure instanceof ApiException e && e.rateLimit() != null
                    && e.rateLimit().retryAfter() != null ? e.rateLimit().retryAfter() : null;
            planNext(wait);
            problem.set((failure instanceof ApiException e && e.httpStatus() == 429
                    ? "The server asks us to slow down" : "Could not check for deposits: " + failure.getMessage())
                    + ". Checking again in " + seconds(delayPlanned) + ".");
        });
    }

    private void planNext(Duration atLeast) {
        Duration wait = atLeast != null && atLeast.compareTo(delay) > 0 ? atLeast : delay;
        delayPlanned = wait;
        next = scheduler.after(wait, this::poll);
        Duration grown = Duration.ofMillis(delay.toMillis() * 3 / 2);
        delay = grown.compareTo(LONGEST) > 0 ? LONGEST : grown;
    }

    private void show(Answer answer) {
        last = answer;
        String unit = address.currency() == null ? "" : " " + address.currency().toUpperCase(Locale.ROOT);
        if (answer.wallet() != null) {
            Wallet w = answer.wallet();
            state.set(State.NOT_OFFERED);
            String pending = w.pendingBalance() == null || w.pendingBalance().signum() == 0 ? ""
                    : ", " + plain(w.pendingBalance()) + unit + " pending";
            status.set("This server does not report deposits. Wallet balance: "
                    + (w.balance() == null ? "not reported" : plain(w.balance()) + unit) + pending + ".");
            moved(status.get());
            return;
        }
        List<Transaction> counted = answer.deposits().stream()
                .filter(t -> requestedAt == null || t.createdAt() == null || !t.createdAt().isBefore(requestedAt))
                .toList();
        if (requestedAt == null && !counted.isEmpty()) {
            counted = List.of(counted.get(0)); // no request: the latest deposit alone
        }
        if (counted.isEmpty()) {
            state.set(State.WAITING);
            status.set("Waiting for a deposit…");
            comparison.set("");
            txHash.set("");
            moved(status.get());
            return;
        }
        BigDecimal sum = counted.stream().map(Transaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Transaction waiting = counted.stream().filter(t -> !t.isCompleted()).reduce((a, b) -> b).orElse(null);
        String what = plain(sum) + unit + (counted.size() > 1 ? " in " + counted.size() + " deposits" : "");
        if (waiting != null) {
            state.set(State.SEEN);
            long required = waiting.requiredConfirmations() == null ? 0 : waiting.requiredConfirmations();
            long confirmations = waiting.confirmations() == null ? 0 : waiting.confirmations();
            status.set(what + " seen, " + Math.min(confirmations, required) + " of " + required + " confirmations");
        } else {
            state.set(State.RECEIVED);
            status.set("Received " + what);
        }
        txHash.set(counted.get(0).txHash() == null ? "" : counted.get(0).txHash());
        BigDecimal amount = requested.get();
        if (amount == null) {
            comparison.set("");
        } else {
            int diff = sum.compareTo(amount);
            comparison.set(diff == 0 ? "Exactly the " + plain(amount) + unit + " requested."
                    : (diff < 0 ? "Under-paid by " : "Over-paid by ") + plain(sum.subtract(amount).abs()) + unit
                    + " (" + plain(sum) + " of " + plain(amount) + unit + " requested).");
        }
        moved(status.get() + comparison.get() + txHash.get());
    }

    /** Something new on screen: poll soon again, since more is likely to follow. */
    private void moved(String shown) {
        if (!shown.equals(shownBefore)) {
            shownBefore = shown;
            delay = FIRST;
        }
    }

    static String plain(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    private static String seconds(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        return s + " s";
    }
}
