package com.sovera.console.lookup;

import com.sovera.console.api.CallRecord;
import com.sovera.console.deposit.DepositCheck;
import com.sovera.console.session.SessionCalls;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.task.Latest;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The search box without its controls: what was pasted, what it found, and a found deposit address verified.
 * A new search drops the answer of the one before, so the result always belongs to the text searched last.
 */
public final class SearchViewModel {

    private record Found(Search.Hit hit, DepositCheck.Result checked) {
    }

    public final StringProperty text = new SimpleStringProperty("");

    private final Search search;
    private final Supplier<List<CallRecord>> activity;
    private final Latest latest;
    private final StringProperty result = new SimpleStringProperty("");
    private final ObjectProperty<DepositCheck.Result> address = new SimpleObjectProperty<>();
    private final BooleanProperty searching = new SimpleBooleanProperty();
    private final ObjectProperty<com.sovera.console.api.model.User> user = new SimpleObjectProperty<>();
    private Consumer<CallRecord> openTrace = record -> { };
    private Consumer<com.sovera.console.api.model.User> openUser = found -> { };
    private Consumer<com.sovera.console.api.model.User> openWallets = found -> { };

    /**
     * @param calls    the session's: the lookups' client (the customer's owner key) and the account's
     * @param activity this session's calls, read on the FX thread when a search starts
     */
    public SearchViewModel(SessionCalls calls, Supplier<List<CallRecord>> activity) {
        this.search = new Search(calls.lookups(), calls.account());
        this.activity = activity;
        this.latest = new Latest(calls.runner());
    }

    /** What to do when a trace id of this session is found: open the Activity view at that call. */
    public void setOpenTrace(Consumer<CallRecord> value) {
        this.openTrace = value;
    }

    /** Where Open user and Open wallets go: the Users view at that user, the Wallets view at their wallets. */
    public void setOpenUser(Consumer<com.sovera.console.api.model.User> user,
                            Consumer<com.sovera.console.api.model.User> wallets) {
        this.openUser = user;
        this.openWallets = wallets;
    }

    /** The user found (by id or e-mail), whom Open user and Open wallets act on; null otherwise. */
    public ObjectProperty<com.sovera.console.api.model.User> userProperty() {
        return user;
    }

    /** Open user: the user found, selected in the Users view. */
    public void openUser() {
        if (user.get() != null) {
            openUser.accept(user.get());
        }
    }

    /** Open wallets: the Wallets view showing the found user's wallets. */
    public void openWallets() {
        if (user.get() != null) {
            openWallets.accept(user.get());
        }
    }

    public StringProperty resultProperty() {
        return result;
    }

    /** A found deposit address with its checks; null otherwise. */
    public ObjectProperty<DepositCheck.Result> addressProperty() {
        return address;
    }

    public BooleanProperty searchingProperty() {
        return searching;
    }

    /** Searches for the text as it is now. */
    public void search() {
        String q = text.get();
        List<CallRecord> calls = List.copyOf(activity.get());
        result.set("Searching...");
        address.set(null);
        user.set(null);
        searching.set(true);
        latest.load(job -> {
            Search.Hit hit = search.find(q, calls);
            // found by the server's own address list: that is the read-back
            return new Found(hit, hit.address() == null ? null : DepositCheck.verify(hit.address(), null));
        }, found -> {
            searching.set(false);
            show(found.hit(), found.checked());
        }, failure -> {
            searching.set(false);
            Problem p = Problem.of(failure);
            result.set("Search failed: " + p.title() + ": " + p.message()
                    + (p.traceId() == null ? "" : " (trace id " + p.traceId() + ")"));
        });
    }

    /** The customer in context changed or the session ended: an answer still out is not shown. */
    public void clear() {
        latest.cancel();
        searching.set(false);
        result.set("");
        address.set(null);
        user.set(null);
    }

    private void show(Search.Hit hit, DepositCheck.Result checked) {
        switch (hit.kind()) {
            case "trace" -> {
                result.set("Trace id of " + hit.activity().method() + " " + hit.activity().path() + " ("
                        + hit.activity().status() + "): opening Activity.");
                openTrace.accept(hit.activity());
            }
            case "user" -> {
                result.set(titled("User " + hit.user().userId(), joined(", ", hit.user().email(),
                        joined(" ", hit.user().firstName(), hit.user().lastName()), hit.user().status())));
                user.set(hit.user());
            }
            case "wallet" -> result.set(titled("Wallet " + hit.wallet().walletId(), joined(", ", hit.wallet().name(),
                    joined(" ", hit.wallet().currency(), hit.wallet().balance() == null ? null
                            : hit.wallet().balance().toPlainString()),
                    hit.wallet().userId() == null ? null : "user " + hit.wallet().userId())));
            case "address" -> {
                result.set("Deposit address of wallet " + hit.address().walletId());
                address.set(checked);
            }
            case "transaction" -> {
                com.sovera.console.api.model.Transaction tx = hit.transaction();
                result.set(titled("Deposit " + tx.transactionId(), joined(", ", joined(" ",
                        tx.amount().toPlainString(), tx.currency()), "to " + tx.address(),
                        tx.status() == null ? null : tx.status().canonical(), tx.confirmations() == null ? null
                        : tx.confirmations() + " of " + tx.requiredConfirmations() + " confirmations",
                        "wallet " + tx.walletId())));
                address.set(checked);
            }
            case "customer" -> result.set(titled("Customer " + hit.customer().customerId(), joined(" ",
                    hit.customer().entityName(), hit.customer().email() == null ? null
                            : "<" + hit.customer().email() + ">")));
            default -> result.set("Nothing found. Tried: " + String.join(", ", hit.tried()) + ".");
        }
    }

    private static String titled(String head, String details) {
        return details.isEmpty() ? head : head + ": " + details;
    }

    /** The parts a server gave, in order; a missing one is left out rather than shown as "null". */
    private static String joined(String separator, Object... parts) {
        return java.util.Arrays.stream(parts).filter(java.util.Objects::nonNull).map(Object::toString)
                .filter(text -> !text.isBlank()).collect(java.util.stream.Collectors.joining(separator));
    }
}
