package com.sovera.console.lookup;

import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.task.Latest;
import com.sovera.console.ui.task.TaskRunner;
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
public final class UsersViewModel {

    public static final List<String> STATUSES = List.of("ACTIVE", "PENDING", "VERIFIED", "SUSPENDED");
    public static final List<String> TYPES = List.of("individual", "business");

    /** Filters; an empty text or a null choice means "any". */
    public final StringProperty emailContains = new SimpleStringProperty("");
    public final ObjectProperty<String> status = new SimpleObjectProperty<>();
    public final ObjectProperty<String> userType = new SimpleObjectProperty<>();
    public final StringProperty country = new SimpleStringProperty("");
    public final ObjectProperty<User> selected = new SimpleObjectProperty<>();

    private final SovxClient client;
    private final PagedModel<User> list;
    private final ExportModel<User> export;
    private final ObservableList<Wallet> wallets = FXCollections.observableArrayList();
    private final StringProperty walletsMessage = new SimpleStringProperty("");
    private final ObjectProperty<Problem> walletsProblem = new SimpleObjectProperty<>();
    private final Latest walletsLoad;
    private java.util.function.Consumer<ContinueFrom> onContinue = action -> { };

    public UsersViewModel(SovxClient client, TaskRunner runner) {
        this.client = client;
        this.list = new PagedModel<>(f -> client.api().listUsers(f.asQuery()), runner, "created_at");
        this.export = new ExportModel<>(list, () -> {
            SovxClient asNow = client.withOwnerKeyAsNow();
            return f -> asNow.api().listUsers(f.asQuery());
        }, runner, List.of("user_id", "email", "first_name", "last_name",
                "user_type", "status", "country", "phone", "date_of_birth", "created_at"), u -> List.of(u.userId(),
                u.email(), u.firstName(), u.lastName(), u.userType(), u.status() == null ? "" : u.status().canonical(),
                u.country(), u.phone(), u.dateOfBirth(), u.createdAt() == null ? "" : u.createdAt().toString()),
                "sovx-users.csv");
        this.walletsLoad = new Latest(runner);
        selected.addListener((o, was, user) -> loadWallets(user));
    }

    public PagedModel<User> list() {
        return list;
    }

    public ExportModel<User> export() {
        return export;
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

    /** Where a support action goes: the wizard, continuing the tree of the customer in context. */
    public void setOnContinue(java.util.function.Consumer<ContinueFrom> value) {
        this.onContinue = value;
    }

    /** Add wallet...: the wizard at the wallet step for the selected user. */
    public void addWallet() {
        if (selected.get() != null) {
            onContinue.accept(new ContinueFrom(selected.get(), null));
        }
    }

    /** Runs the query with the filters as they are now, from the first page. */
    public void apply() {
        list.filter(conditions());
    }

    /** The customer in context changed: its first page, nothing of the one before. */
    public void reload() {
        selected.set(null);
        list.clear();
        apply();
    }

    /** Loads the selected user's wallets again (after a failure). */
    public void retryWallets() {
        loadWallets(selected.get());
    }

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
}
