package com.sovera.console.onboarding;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.Customer;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.task.Latest;
import com.sovera.console.ui.task.TaskRunner;
import java.util.List;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Existing objects the wizard can continue from: the account's customers (the assumed {@code GET /customers}),
 * one customer's users found by e-mail or id, one user's wallets. Each list only ever holds the answer to the
 * last question asked. FX thread only.
 */
public final class TreePickerViewModel {

    private static final Pattern UUID = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final SovxClient client;
    private final Latest customersLoad;
    private final Latest usersLoad;
    private final Latest walletsLoad;
    private final ObservableList<String> customers = FXCollections.observableArrayList();
    private final BooleanProperty customersOffered = new SimpleBooleanProperty(true);
    private final StringProperty customersNote = new SimpleStringProperty("");
    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final StringProperty usersMessage = new SimpleStringProperty("");
    private final ObservableList<Wallet> wallets = FXCollections.observableArrayList();
    private final StringProperty walletsMessage = new SimpleStringProperty("");

    public TreePickerViewModel(SovxClient client, TaskRunner runner) {
        this.client = client;
        this.customersLoad = new Latest(runner);
        this.usersLoad = new Latest(runner);
        this.walletsLoad = new Latest(runner);
    }

    /** The account's customer ids, for type-ahead. */
    public ObservableList<String> customers() {
        return customers;
    }

    /** Why the type-ahead offers nothing (the list is not offered, or could not be had), or empty. */
    public StringProperty customersNoteProperty() {
        return customersNote;
    }

    /** False once the server answered the customer list with 404 or 405: the id is then typed. */
    public BooleanProperty customersOfferedProperty() {
        return customersOffered;
    }

    public ObservableList<User> users() {
        return users;
    }

    public StringProperty usersMessageProperty() {
        return usersMessage;
    }

    public ObservableList<Wallet> wallets() {
        return wallets;
    }

    public StringProperty walletsMessageProperty() {
        return walletsMessage;
    }

    /** Fills the customer list (first 100, newest first) once signed in. */
    public void loadCustomers() {
        customersLoad.load(job -> job.execute(client.api().listCustomers(Filter.page(100, 0)
                .sort("created_at", Filter.Direction.DESC).asQuery())).rows(), rows -> {
                    customersOffered.set(true);
                    customersNote.set("");
                    customers.setAll(rows.stream().map(Customer::customerId).toList());
                }, failure -> {
                    customers.clear();
                    boolean offered = !ApiException.isNotOffered(failure);
                    customersOffered.set(offered);
                    customersNote.set(offered ? "The account's customers could not be listed ("
                            + Problem.of(failure).title() + "): type the id."
                            : "This server does not list customers: type the id.");
                });
    }

    /** The customer's users whose e-mail contains the text, or the one user with that id. */
    public void findUsers(String query) {
        String q = query == null ? "" : query.strip();
        users.clear();
        if (q.isEmpty()) {
            usersLoad.cancel();
            usersMessage.set("Type an e-mail (or part of one) or a user id.");
            return;
        }
        usersMessage.set("Searching...");
        usersLoad.load(job -> UUID.matcher(q).matches()
                ? List.of(job.execute(client.api().getUser(q.toLowerCase(java.util.Locale.ROOT))))
                : job.execute(client.api().listUsers(Filter.page(20, 0).contains("email", q).asQuery())).rows(),
                found -> {
                    users.setAll(found);
                    usersMessage.set(found.isEmpty() ? "No user of this customer matches." : "");
                }, failure -> {
                    if (failure instanceof ApiException e && e.httpStatus() == 404) {
                        usersMessage.set("No user of this customer has this id.");
                        return;
                    }
                    usersMessage.set(failed("The users could not be searched", failure));
                });
    }

    /** The user's wallets (first 100). */
    public void loadWallets(String userId) {
        wallets.clear();
        if (userId == null) {
            walletsLoad.cancel();
            walletsMessage.set("");
            return;
        }
        walletsMessage.set("Loading the user's wallets...");
        walletsLoad.load(job -> job.execute(client.api().listUserWallets(userId, Filter.page(100, 0).asQuery()))
                .rows(), rows -> {
                    wallets.setAll(rows);
                    walletsMessage.set(rows.isEmpty() ? "This user has no wallet yet: create one." : "");
                }, failure -> {
                    walletsMessage.set(failed("The user's wallets could not be loaded", failure));
                });
    }

    /** Drops every list and any answer still out (a new onboarding, a sign-out). */
    public void clear() {
        customersLoad.cancel();
        usersLoad.cancel();
        walletsLoad.cancel();
        users.clear();
        wallets.clear();
        usersMessage.set("");
        walletsMessage.set("");
    }

    /** What failed, with the server's code and trace id to quote, under the list where the operator looks. */
    private static String failed(String what, Throwable failure) {
        Problem problem = Problem.of(failure);
        return what + " (" + problem.title() + (problem.traceId() == null ? "" : ", trace id " + problem.traceId())
                + "): try again.";
    }
}
