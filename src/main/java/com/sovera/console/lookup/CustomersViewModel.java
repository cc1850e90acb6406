package com.sovera.console.lookup;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.Customer;
import com.sovera.console.session.SessionCalls;
import com.sovera.console.ui.task.Latest;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The account's customers (the assumed {@code GET /customers}, with the session): server-side paged and filtered;
 * the selected one's details and, when the lookups hold its owner key, how many users and wallets it has; the
 * actions on it (look it up, mint an owner key). FX thread only.
 */
public final class CustomersViewModel {

    /** What an action on a customer asks the shell for. */
    public enum Action { LOOK_UP, MINT_KEY }

    /** A customer and what to do with it. */
    public record Request(Customer customer, Action action) {
    }

    public final StringProperty idContains = new SimpleStringProperty("");
    public final StringProperty emailContains = new SimpleStringProperty("");
    public final StringProperty nameContains = new SimpleStringProperty("");
    public final ObjectProperty<Customer> selected = new SimpleObjectProperty<>();

    private final PagedViewModel<Customer> list;
    private final SovxClient lookups;
    private final Latest countsLoad;
    private final StringProperty counts = new SimpleStringProperty("");
    /** The administrator set this desk for lookups: no owner key is minted here. */
    private final javafx.beans.property.BooleanProperty lookupsOnly = new javafx.beans.property.SimpleBooleanProperty();
    private String keyedCustomer;
    private Consumer<Request> onAction = request -> { };

    /**
     * @param calls the session's: customers are the account's; the lookups' owner key, when it is the selected
     *              customer's, counts users and wallets
     */
    public CustomersViewModel(SessionCalls calls) {
        this.lookups = calls.lookups();
        this.list = new PagedViewModel<>(f -> calls.account().api().listCustomers(f.asQuery()), calls.runner(),
                "created_at");
        this.countsLoad = new Latest(calls.runner());
        selected.addListener((o, was, now) -> count(now));
    }

    public PagedViewModel<Customer> list() {
        return list;
    }

    /** "12 users, 30 wallets", or why it is not known. */
    public StringProperty countsProperty() {
        return counts;
    }

    public void setOnAction(Consumer<Request> value) {
        this.onAction = value;
    }

    /** The customer whose owner key the lookups hold now (null: none). */
    public void keyedCustomer(String customerId) {
        this.keyedCustomer = customerId;
        count(selected.get());
    }

    public void apply() {
        list.filter(conditions());
    }

    public void reload() {
        selected.set(null);
        list.clear();
        apply();
    }

    /** F5: the page asked for again and the selected customer's counts recounted, the selection kept. */
    public void refresh() {
        list.load();
        count(selected.get());
    }

    public void lookUp() {
        if (selected.get() != null) {
            onAction.accept(new Request(selected.get(), Action.LOOK_UP));
        }
    }

    /** Makes this a lookups desk's list: Mint is offered disabled ({@link #lookupsOnlyProperty()}). */
    public void setLookupsOnly(boolean value) {
        lookupsOnly.set(value);
    }

    /** True on a lookups desk: Mint owner key is not offered. */
    public javafx.beans.value.ObservableBooleanValue lookupsOnlyProperty() {
        return lookupsOnly;
    }

    public void mintKey() {
        if (selected.get() != null && !lookupsOnly.get()) {
            onAction.accept(new Request(selected.get(), Action.MINT_KEY));
        }
    }

    Filter conditions() {
        return Filter.none().contains("customer_id", blankToNull(idContains.get()))
                .contains("email", blankToNull(emailContains.get()))
                .contains("entity_name", blankToNull(nameContains.get()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void count(Customer customer) {
        if (customer == null) {
            countsLoad.cancel();
            counts.set("");
            return;
        }
        if (!customer.customerId().equals(keyedCustomer)) {
            countsLoad.cancel();
            counts.set("Users and wallets: look this customer up (its owner key) to see them.");
            return;
        }
        counts.set("Counting users and wallets...");
        countsLoad.load(job -> {
            Long users = job.execute(lookups.api().listUsers(Filter.page(1, 0).asQuery())).total();
            Long wallets = job.execute(lookups.api().listWallets(Filter.page(1, 0).asQuery())).total();
            return List.of(users == null ? -1L : users, wallets == null ? -1L : wallets);
        }, totals -> counts.set(totals.get(0) + " users, " + totals.get(1) + " wallets"),
                failure -> counts.set(ApiException.isNotOffered(failure) ? "This server does not offer user and wallet lists."
                        : "Users and wallets could not be counted."));
    }
}
