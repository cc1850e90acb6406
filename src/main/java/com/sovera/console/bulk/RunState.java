package com.sovera.console.bulk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run has done so far, row by row: rebuilt from the journal when a run resumes. Each step keeps the
 * idempotency key it was sent with, so a step resent after a crash is the same request.
 */
final class RunState {

    /** Rows touched this long before the journal's last line are sent again on resume (see {@link #replay}). */
    static final long RECHECK_MILLIS = 5_000;

    /** One requested wallet of a row and its address. */
    static final class WalletState {
        final WalletRequest request;
        String walletKey;
        String walletId;
        boolean walletExisted;
        String addressKey;
        String address;
        boolean addressExisted;
        String paymentUri;
        Failure failure;

        WalletState(WalletRequest request) {
            this.request = request;
        }

        boolean done() {
            return address != null || failure != null;
        }
    }

    /** One planned row. */
    static final class RowState {
        final PlannedRow plan;
        final List<WalletState> wallets = new ArrayList<>();
        String userKey;
        String userId;
        boolean userExisted;
        Failure failure;
        long lastAt;

        RowState(PlannedRow plan) {
            this.plan = plan;
            plan.wallets().forEach(w -> wallets.add(new WalletState(w)));
        }

        boolean done() {
            return failure != null || (userId != null && wallets.stream().allMatch(WalletState::done));
        }

        boolean failed() {
            return failure != null || wallets.stream().anyMatch(w -> w.failure != null);
        }

        /** Forgets what the server answered, keeping the keys: the steps are sent again with them. */
        void forgetAnswers() {
            userId = null;
            userExisted = false;
            failure = null;
            for (WalletState w : wallets) {
                w.walletId = null;
                w.walletExisted = false;
                w.address = null;
                w.addressExisted = false;
                w.paymentUri = null;
                w.failure = null;
            }
        }
    }

    final RunHeader header;
    final List<RowState> rows = new ArrayList<>();
    private final Map<Integer, RowState> byRow = new HashMap<>();

    RunState(RunHeader header) {
        this.header = header;
        for (PlannedRow p : header.rows()) {
            RowState s = new RowState(p);
            rows.add(s);
            byRow.put(p.row(), s);
        }
    }

    /**
     * The state a journal describes. The rows it touched in its last {@link #RECHECK_MILLIS} are sent again with
     * their keys: a server in the killed process (the embedded sandbox) may have lost its last writes, and for
     * any other server a resent key only replays the answer it gave.
     */
    static RunState replay(RunJournal.Contents contents) {
        RunState state = new RunState(contents.header());
        long last = 0;
        for (RunEvent e : contents.events()) {
            state.apply(e);
            last = Math.max(last, e.at());
        }
        for (RowState s : state.rows) {
            if (s.lastAt > 0 && s.lastAt >= last - RECHECK_MILLIS) {
                s.forgetAnswers();
            }
        }
        return state;
    }

    boolean finished(List<RunEvent> events) {
        return events.stream().anyMatch(e -> RunEvent.FINISHED.equals(e.kind()));
    }

    void apply(RunEvent e) {
        if (e.row() == null) {
            return;
        }
        RowState s = byRow.get(e.row());
        if (s == null) {
            return;
        }
        s.lastAt = Math.max(s.lastAt, e.at());
        WalletState w = e.wallet() == null || e.wallet() < 0 || e.wallet() >= s.wallets.size() ? null
                : s.wallets.get(e.wallet());
        switch (e.kind()) {
            case RunEvent.USER_KEY -> s.userKey = e.key();
            case RunEvent.USER -> {
                s.userId = e.id();
                s.userExisted = Boolean.TRUE.equals(e.existed());
            }
            case RunEvent.WALLET_KEY -> {
                if (w != null) {
                    w.walletKey = e.key();
                }
            }
            case RunEvent.WALLET -> {
                if (w != null) {
                    w.walletId = e.id();
                    w.walletExisted = Boolean.TRUE.equals(e.existed());
                }
            }
            case RunEvent.ADDRESS_KEY -> {
                if (w != null) {
                    w.addressKey = e.key();
                }
            }
            case RunEvent.ADDRESS -> {
                if (w != null) {
                    w.address = e.address();
                    w.addressExisted = Boolean.TRUE.equals(e.existed());
                    w.paymentUri = e.paymentUri();
                }
            }
            case RunEvent.FAILED -> {
                Failure f = new Failure(e.code(), e.message(), e.traceId());
                if (w != null) {
                    w.failure = f;
                } else {
                    s.failure = f;
                }
            }
            default -> { }
        }
    }

    int doneRows() {
        return (int) rows.stream().filter(RowState::done).count();
    }

    /** The results so far; rows not finished say why (a cancelled run), or nothing yet when {@code why} is null. */
    List<ResultLine> results(Failure unfinished) {
        List<ResultLine> lines = new ArrayList<>();
        for (Plan.Refused r : header.refused()) {
            lines.add(new ResultLine(r.row(), ResultLine.FAILED, null, r.email(), null, null, null, null, null,
                    Failure.VALIDATION_ERROR, r.error(), null));
        }
        for (RowState s : rows) {
            if (!s.done() && unfinished == null) {
                continue;
            }
            lines.addAll(linesOf(s, unfinished));
        }
        lines.sort(Comparator.comparingInt(ResultLine::row));
        return lines;
    }

    private static List<ResultLine> linesOf(RowState s, Failure unfinished) {
        String email = s.plan.user().email();
        Failure userFailure = s.failure != null ? s.failure : s.userId == null ? unfinished : null;
        if (userFailure != null || s.wallets.isEmpty()) {
            return List.of(new ResultLine(s.plan.row(), userFailure != null ? ResultLine.FAILED
                    : s.userExisted ? ResultLine.EXISTING : ResultLine.CREATED, s.userId, email, null, null, null,
                    null, null, code(userFailure), message(userFailure), trace(userFailure)));
        }
        List<ResultLine> lines = new ArrayList<>();
        for (WalletState w : s.wallets) {
            Failure f = w.failure != null ? w.failure : w.address == null ? unfinished : null;
            String status = f != null ? ResultLine.FAILED
                    : s.userExisted && w.walletExisted && w.addressExisted ? ResultLine.EXISTING : ResultLine.CREATED;
            lines.add(new ResultLine(s.plan.row(), status, s.userId, email, w.walletId, w.request.currency(),
                    w.request.network().id(), w.address, w.paymentUri, code(f), message(f), trace(f)));
        }
        return lines;
    }

    private static String code(Failure f) {
        return f == null ? null : f.code();
    }

    private static String message(Failure f) {
        return f == null ? null : f.message();
    }

    private static String trace(Failure f) {
        return f == null ? null : f.traceId();
    }
}
