package com.sovera.console.lookup;

import com.sovera.console.api.Filter;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.deposit.DepositCheck;
import com.sovera.console.session.SessionCalls;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.task.Latest;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Wallets screen without its controls: the customer's wallets, server-side; the selected wallet's deposit
 * addresses, and the chosen address verified before its QR code is shown. What the side panel shows always belongs
 * to the wallet and address selected now: each load cancels the one before. FX thread only.
 */
public final class WalletsViewModel extends LookupList<Wallet> {

    public static final List<String> CURRENCIES = List.of("BTC", "ETH", "USDC");
    public static final List<String> STATUSES = List.of("ACTIVE", "PENDING", "SUSPENDED");

    /** Filters; an empty text or a null choice means "any". */
    public final ObjectProperty<String> currency = new SimpleObjectProperty<>();
    public final ObjectProperty<String> status = new SimpleObjectProperty<>();
    public final StringProperty userId = new SimpleStringProperty("");
    public final StringProperty nameContains = new SimpleStringProperty("");
    public final ObjectProperty<DepositAddress> selectedAddress = new SimpleObjectProperty<>();

    private final ObservableList<DepositAddress> addresses = FXCollections.observableArrayList();
    private final StringProperty addressesMessage = new SimpleStringProperty("");
    private final ObjectProperty<DepositCheck.Result> check = new SimpleObjectProperty<>();
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final ObservableList<String> deposits = FXCollections.observableArrayList();
    private final StringProperty depositsMessage = new SimpleStringProperty("");
    private final Latest addressesLoad;
    private final Latest checkLoad;

    public WalletsViewModel(SessionCalls calls) {
        super(calls, (c, f) -> c.api().listWallets(f.asQuery()), List.of("wallet_id", "user_id", "name",
                "currency", "status", "balance", "pending_balance", "created_at"), w -> Arrays.asList(w.walletId(), w.userId(),
                w.name(), w.currency(), w.status() == null ? "" : w.status().canonical(), amount(w.balance()),
                amount(w.pendingBalance()), text(w.createdAt())), "sovx-wallets.csv");
        this.addressesLoad = new Latest(calls.runner());
        this.checkLoad = new Latest(calls.runner());
        selected.addListener((o, was, wallet) -> loadAddresses(wallet));
        selectedAddress.addListener((o, was, address) -> verify(address));
    }

    /** Open wallets (from the search): the filters narrowed to this user's wallets, the first of them selected. */
    public void openOf(User user) {
        currency.set(null);
        status.set(null);
        nameContains.set("");
        userId.set(user.userId());
        applyAndSelect(row -> user.userId().equals(row.userId()));
    }

    /** The selected wallet's deposit addresses, newest first. */
    public ObservableList<DepositAddress> addresses() {
        return addresses;
    }

    public StringProperty addressesMessageProperty() {
        return addressesMessage;
    }

    /** The selected address's checks; its QR code only when they all passed. Null while none is verified. */
    public ObjectProperty<DepositCheck.Result> checkProperty() {
        return check;
    }

    /** Why the addresses or the check could not be had (a rate limit, an outage), with {@link #retry()}. */
    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    /** New deposit address...: the wizard at the address step for the selected wallet (verified as there). */
    public void newAddress() {
        Wallet w = selected.get();
        if (w != null) {
            continueFrom(new ContinueFrom(new User(w.userId(), null, null, null,
                    null, null, null, null, null, null, null), w));
        }
    }

    /** The selected wallet's latest deposits, newest first, one line each. */
    public ObservableList<String> deposits() {
        return deposits;
    }

    /** "Loading...", "No deposits yet.", "This server does not report deposits.", or empty once shown. */
    public StringProperty depositsMessageProperty() {
        return depositsMessage;
    }

    static final int LATEST_DEPOSITS = 5;
    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);

    /** A wallet's addresses and, read with them, its latest deposits (or why they could not be had). */
    private record Side(List<DepositAddress> addresses, List<String> deposits, String depositsMessage) {
    }

    /** The latest deposits, read in the same job as the addresses so the side panel changes in one step. */
    private Side deposits(com.sovera.console.ui.task.Job job, String walletId, List<DepositAddress> addresses) {
        try {
            List<String> lines = job.execute(client.api().listWalletTransactions(walletId, Filter.page(
                    LATEST_DEPOSITS, 0).sort("created_at", Filter.Direction.DESC).asQuery())).rows().stream()
                    .map(WalletsViewModel::depositLine).toList();
            return new Side(addresses, lines, lines.isEmpty() ? "No deposits yet." : "");
        } catch (com.sovera.console.api.ApiException e) {
            return new Side(addresses, List.of(), e.isNotOffered() ? "This server does not report deposits."
                    : "The deposits could not be loaded: " + Problem.of(e).message());
        }
    }

    /** "0.0015 BTC  COMPLETED 3 of 3  2026-03-12 10:00  4a5e1e…" as the detail lists a deposit. */
    static String depositLine(com.sovera.console.api.model.Transaction t) {
        return t.amount().toPlainString() + " " + t.currency() + "  " + (t.status() == null ? ""
                : t.status().canonical()) + (t.confirmations() == null ? "" : " " + Math.min(t.confirmations(),
                t.requiredConfirmations() == null ? t.confirmations() : t.requiredConfirmations()) + " of "
                + t.requiredConfirmations()) + "  " + (t.createdAt() == null ? ""
                : WHEN.format(t.createdAt())) + "  " + t.txHash();
    }

    /** Tries again what failed: the address list, or the selected address's check. */
    public void retry() {
        if (addresses.isEmpty() || selectedAddress.get() == null) {
            loadAddresses(selected.get());
        } else {
            verify(selectedAddress.get());
        }
    }

    @Override
    Filter conditions() {
        String user = userId.get() == null ? "" : userId.get().strip();
        return Filter.none().contains("name", nameContains.get() == null ? null : nameContains.get().strip())
                .where("currency", currency.get())
                .where("status", status.get())
                .where("user_id", user.isEmpty() ? null : user);
    }

    private void loadAddresses(Wallet wallet) {
        selectedAddress.set(null);
        addresses.clear();
        deposits.clear();
        depositsMessage.set("");
        problem.set(null);
        if (wallet == null) {
            addressesLoad.cancel();
            addressesMessage.set("");
            return;
        }
        addressesMessage.set("Loading deposit addresses...");
        String id = wallet.walletId();
        addressesLoad.load(job -> deposits(job, id, job.execute(client.api().listWalletAddresses(id,
                Filter.page(100, 0).sort("created_at", Filter.Direction.DESC).asQuery())).rows()), side -> {
                    List<DepositAddress> rows = side.addresses();
                    deposits.setAll(side.deposits());
                    depositsMessage.set(side.depositsMessage());
                    addresses.setAll(rows);
                    addressesMessage.set(rows.isEmpty() ? "This wallet has no deposit address yet." : "");
                    if (!rows.isEmpty()) {
                        selectedAddress.set(rows.get(0));
                    }
                }, failure -> {
                    addressesMessage.set("The deposit addresses could not be loaded.");
                    problem.set(Problem.of(failure));
                });
    }

    private void verify(DepositAddress address) {
        check.set(null);
        if (address == null) {
            checkLoad.cancel();
            return;
        }
        problem.set(null);
        checkLoad.load(job -> DepositCheck.verify(address, client.api()), check::set, failure -> {
            problem.set(Problem.of(failure));
        });
    }

    /** The balance as the Wallets table shows it: with what is still pending beside it, "0.5 (+0.25)". */
    public static String balanceCell(Wallet w) {
        String balance = amount(w.balance());
        return w.pendingBalance() == null || w.pendingBalance().signum() == 0 ? balance
                : balance + " (+" + w.pendingBalance().toPlainString() + ")";
    }

    /** An exact amount as the server wrote it, without an exponent; empty when the server did not report it. */
    static String amount(java.math.BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
