package com.sovera.console.lookup;

import com.sovera.console.api.Filter;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.session.SessionCalls;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.task.Latest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Users screen without its controls: the customer's users, server-side paged, sorted and filtered; the
 * selected user and its wallets, which always belong to the user selected now. FX thread only.
 */
public final class UsersViewModel extends LookupList<User> {

    public static final List<String> STATUSES = List.of("ACTIVE", "PENDING", "VERIFIED", "SUSPENDED");
    public static final List<String> TYPES = List.of("individual", "business");

    /** Filters; an empty text or a null choice means "any". */
    public final StringProperty emailContains = new SimpleStringProperty("");
    public final ObjectProperty<String> status = new SimpleObjectProperty<>();
    public final ObjectProperty<String> userType = new SimpleObjectProperty<>();
    public final StringProperty country = new SimpleStringProperty("");

    private final ObservableList<Wallet> wallets = FXCollections.observableArrayList();
    private final StringProperty walletsMessage = new SimpleStringProperty("");
    private final ObjectProperty<Problem> walletsProblem = new SimpleObjectProperty<>();
    private final Latest walletsLoad;

    public UsersViewModel(SessionCalls calls) {
        super(calls, (c, f) -> c.api().listUsers(f.asQuery()), List.of("user_id", "email", "first_name",
                "last_name", "user_type", "status", "country", "phone", "date_of_birth", "created_at"),
                u -> Arrays.asList(u.userId(), u.email(), u.firstName(), u.lastName(), u.userType(),
                        u.status() == null ? "" : u.status().canonical(), u.country(), u.phone(), u.dateOfBirth(),
                        text(u.createdAt())), "sovx-users.csv");
        this.walletsLoad = new Latest(calls.runner());
        selected.addListener((o, was, user) -> loadWallets(user));
    }

    /** The selected user's wallets (the first hundred). */
    public ObservableList<Wallet> wallets() {
        return wallets;
    }

    /** "Loading wallets...", "No wallets.", or empty once they are shown. */
    public StringProperty walletsMessageProperty() {
        return walletsMessage;
    }

    public ObjectProperty<Problem> walletsProblemProperty() {
        return walletsProblem;
    }

    /** Add wallet...: the wizard at the wallet step for the selected user. */
    public void addWallet() {
        if (selected.get() != null) {
            continueFrom(new ContinueFrom(selected.get(), null));
        }
    }

    /** Open user (from the search): the filters narrowed to this user's e-mail, and the user selected. */
    public void open(User user) {
        status.set(null);
        userType.set(null);
        country.set("");
        emailContains.set(user.email());
        applyAndSelect(row -> row.userId().equals(user.userId()));
    }

    /** Loads the selected user's wallets again (after a failure). */
    public void retryWallets() {
        loadWallets(selected.get());
    }

    @Override
    Filter conditions() {
        String c = country.get() == null ? "" : country.get().strip();
        return Filter.none().contains("email", emailContains.get() == null ? null : emailContains.get().strip())
                .where("status", status.get())
                .where("user_type", userType.get())
                .where("country", c.isEmpty() ? null : c.toUpperCase(Locale.ROOT));
    }

    private void loadWallets(User user) {
        wallets.clear();
        walletsProblem.set(null);
        if (user == null) {
            walletsLoad.cancel();
            walletsMessage.set("");
            return;
        }
        walletsMessage.set("Loading wallets...");
        String id = user.userId();
        walletsLoad.load(job -> job.execute(client.api().listUserWallets(id, Filter.page(100, 0).asQuery())).rows(),
                rows -> {
                    wallets.setAll(rows);
                    walletsMessage.set(rows.isEmpty() ? "No wallets." : "");
                }, failure -> {
                    walletsMessage.set("Wallets could not be loaded.");
                    walletsProblem.set(Problem.of(failure));
                });
    }

    /**
     * A wallet of the selected user as its line reads: its balance in its own currency, what is still pending
     * beside it, its name and id ("0.5 BTC, 0.25 BTC pending  Savings  (w-1)").
     */
    public static String walletLine(Wallet w) {
        String unit = w.currency() == null ? "" : " " + w.currency();
        String balance = w.balance() == null ? "balance not reported" : w.balance().toPlainString() + unit;
        String pending = w.pendingBalance() == null || w.pendingBalance().signum() == 0 ? ""
                : ", " + w.pendingBalance().toPlainString() + unit + " pending";
        return balance + pending + "  " + w.name() + "  (" + w.walletId() + ")";
    }
}
