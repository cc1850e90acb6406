package com.sovera.console.shell;

import com.sovera.console.api.CallRecord;
import com.sovera.console.api.SovxClient;
import com.sovera.console.bulkscreen.BulkViewModel;
import com.sovera.console.config.Environment;
import com.sovera.console.deposit.DepositWatching;
import com.sovera.console.lookup.ContinueFrom;
import com.sovera.console.lookup.CustomersView;
import com.sovera.console.lookup.CustomersViewModel;
import com.sovera.console.lookup.LookupContextViewModel;
import com.sovera.console.lookup.LookupContextView;
import com.sovera.console.lookup.LookupList;
import com.sovera.console.lookup.OwnerKeysViewModel;
import com.sovera.console.lookup.OwnerKeysView;
import com.sovera.console.lookup.PagedTable;
import com.sovera.console.lookup.SearchBox;
import com.sovera.console.lookup.SearchViewModel;
import com.sovera.console.lookup.TransactionsView;
import com.sovera.console.lookup.TransactionsViewModel;
import com.sovera.console.lookup.UsersView;
import com.sovera.console.lookup.UsersViewModel;
import com.sovera.console.lookup.WalletsView;
import com.sovera.console.lookup.WalletsViewModel;
import com.sovera.console.onboarding.OnboardingViewModel;
import com.sovera.console.session.KeyRing;
import com.sovera.console.session.SessionService;
import com.sovera.console.ui.ClipboardGuard;
import com.sovera.console.ui.Focus;
import com.sovera.console.ui.WriteGuard;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The lookups' screens (customers and their owner keys, users, wallets, transactions, the search), each made when
 * first opened, and what they tell each other and the wizard: the customer in context followed by every lookup, a
 * key minted by the wizard offered to them, a revoked key dropped wherever it is held, a support action continued
 * in the wizard.
 */
final class LookupWiring {

    private final Services services;
    private final SessionService session;
    private final KeyRing keyRing;
    private final ClipboardGuard clipboard;
    private final WriteGuard writeGuard;
    private final OnboardingViewModel onboarding;
    private final BulkViewModel bulk;
    private final Navigation navigation;
    /** Whether an unfinished onboarding may be replaced (the operator is asked). */
    private final BooleanSupplier mayReplaceOnboarding;
    private final Consumer<String> notice;
    private final Consumer<CallRecord> openTrace;

    private LookupContextViewModel context;
    private SearchViewModel search;
    private SearchBox searchBox;
    private UsersViewModel users;
    private UsersView usersView;
    private WalletsViewModel wallets;
    private WalletsView walletsView;
    private TransactionsViewModel transactions;
    private TransactionsView transactionsView;
    private CustomersViewModel customers;
    private CustomersView customersView;
    private OwnerKeysViewModel keys;
    /** The last owner key the wizard minted, for the lookups' one-click offer; dropped at sign-out. */
    private LookupContextViewModel.Offer minted;

    /** {@code notice} tells the operator of a problem under the header; {@code openTrace} opens a call in Activity. */
    LookupWiring(Services services, SessionService session, KeyRing keyRing, ClipboardGuard clipboard,
            WriteGuard writeGuard, OnboardingViewModel onboarding, BulkViewModel bulk, Navigation navigation,
            BooleanSupplier mayReplaceOnboarding, Consumer<String> notice, Consumer<CallRecord> openTrace) {
        this.services = services;
        this.session = session;
        this.keyRing = keyRing;
        this.clipboard = clipboard;
        this.writeGuard = writeGuard;
        this.onboarding = onboarding;
        this.bulk = bulk;
        this.navigation = navigation;
        this.mayReplaceOnboarding = mayReplaceOnboarding;
        this.notice = notice;
        this.openTrace = openTrace;
    }

    /** From now on a key the wizard mints is offered to the lookups. */
    void offerWizardKeys() {
        // a key the wizard minted is offered to the lookups, also when they are first opened after the key left
        // the wizard's screen (it stays in memory for the session, as in the wizard's own client)
        onboarding.secret.addListener((o, was, key) -> {
            if (key != null) {
                minted = new LookupContextViewModel.Offer(onboarding.progress().customerId(), key);
                if (context != null) {
                    context.offer(minted.customerId(), minted.ownerKey());
                }
                refreshCustomer(minted.customerId()); // its key count and list are not what they were

            }
        });
    }

    /** Whether the lookups' context holds an owner key (the session drops it at sign-out). */
    boolean holdsKey() {
        return context != null && context.holdsKey();
    }

    /** The session closed: every lookup forgets its customer, its key and what it showed. */
    void signedOut() {
        minted = null;
        if (context != null) {
            context.forget();
        }
        if (search != null) {
            search.clear();
        }
        if (users != null) {
            users.signedOut();
        }
        if (wallets != null) {
            wallets.signedOut();
        }
        if (transactions != null) {
            transactions.signedOut();
        }
        if (customers != null) {
            customers.list().clear();
            keys.show(null); // a rotated-in key shown once leaves the screen (named at the next sign-in)
        }
    }

    /** An operator signed in: the lookups opened so far load their customers anew. */
    void signedIn() {
        if (context != null) {
            context.loadCustomers();
        }
        if (customers != null) {
            customers.reload();
        }
    }

    CustomersView customersView() {
        if (customersView == null) {
            customers = new CustomersViewModel(session.calls());
            customers.setOnAction(this::onCustomer);
            customers.setLookupsOnly(!services.policy().mayWrite());
            customersView = new CustomersView(customers);
            keys = new OwnerKeysViewModel(session.calls());
            session.beforeClose(keys::sessionClosing);
            // a rotated-in key is named at the next sign-in until the operator confirms it by its last four
            keys.setOnMinted((customerId, key) -> session.state().current().keyMinted(customerId, key));
            keys.setOnConfirmed((customerId, key) -> session.state().current().keyConfirmed(customerId, key));
            keys.setWriteGuard(writeGuard);
            keys.setLookupsOnly(!services.policy().mayWrite());
            keys.setOnRevoked(this::revoked);
            keys.setOnRotated((customerId, key) -> {
                if (customerId.equals(context().customerIdProperty().get()) || context().customerIdProperty().get()
                        == null) {
                    context().useKnown(customerId, key);
                }
            });
            customers.selected.addListener((o, was, c) -> keys.show(c == null ? null : c.customerId()));
            customersView.side().getChildren().add(new OwnerKeysView(keys, clipboard));
            customers.keyedCustomer(context().customerIdProperty().get());
            customers.reload();
        }
        return customersView;
    }

    /**
     * A key was revoked: wherever the console holds it (the wizard's client, the lookups, the one-click offer, the
     * system keychain), it is dropped.
     */
    private void revoked(String customerId, String lastFour) {
        onboarding.keyRevoked(customerId, lastFour);
        bulk.keyRevoked(customerId, lastFour);
        if (context != null) {
            context.revoked(customerId, lastFour);
        }
        if (minted != null && minted.customerId().equals(customerId) && minted.ownerKey().endsWith(lastFour)) {
            minted = null;
        }
        services.runner().run(() -> {
            if (keyRing.load(customerId).filter(k -> k.endsWith(lastFour)).isPresent()) {
                keyRing.forget(customerId);
                return true;
            }
            return false;
        }, forgotten -> { }, failure -> notice.accept("The system keychain could not be checked for the revoked key"
                + " of " + customerId + ": if you kept it there, remove it by hand."));
    }

    /** A customer's action: look it up (with its key from the keychain, or pasted), or mint it an owner key. */
    private void onCustomer(CustomersViewModel.Request request) {
        String id = request.customer().customerId();
        switch (request.action()) {
            case LOOK_UP -> {
                navigation.show("nav-users");
                if (!id.equals(context().customerIdProperty().get())) {
                    context().typedCustomer.set(id);
                    context().messageProperty().set("Paste the owner key of " + id + " (or tick the keychain and"
                            + " pick it) to look it up.");
                    context().picked(id);
                }
            }
            case MINT_KEY -> {
                if (mayReplaceOnboarding.getAsBoolean()) {
                    onboarding.startFrom(new OnboardingViewModel.StartPoint(id, request.customer().email(),
                            request.customer().entityName(), null, null, null));
                    onboarding.keySource.set(OnboardingViewModel.KeySource.MINT);
                    navigation.show(Navigation.ONBOARDING);
                }
            }
            default -> throw new IllegalStateException("unknown action " + request.action());
        }
    }

    /** Opens the Customers view on this customer, its keys beside it (to revoke a key never confirmed). */
    void openKeysOf(String customerId) {
        navigation.show("nav-customers");
        customers.idContains.set(customerId);
        customers.apply();
    }

    /** The Customers view, if it shows this customer, lists its keys and counts anew. */
    private void refreshCustomer(String customerId) {
        if (customers != null && customers.selected.get() != null
                && customers.selected.get().customerId().equals(customerId)) {
            customers.refresh();
            keys.show(customerId);
        }
    }

    LookupContextViewModel context() {
        if (context == null) {
            context = new LookupContextViewModel(session.calls(), keyRing);
            context.customerIdProperty().addListener((o, was, now) -> {
                if (customers != null) {
                    customers.keyedCustomer(now);
                }
                follow(users, now);
                follow(wallets, now);
                follow(transactions, now);
                if (search != null) {
                    search.clear();
                }
            });
            if (services.demo() != null) {
                context.useKnown(services.demo().customerId(), services.demo().ownerKey());
            }
            if (minted != null) { // minted before the lookups were first opened
                context.offer(minted.customerId(), minted.ownerKey());
            }
            context.loadCustomers();
        }
        return context;
    }

    /**
     * What an address panel over this client needs to wait for deposits: its polls belong to the session in force
     * when they start, and only the embedded sandbox offers simulating one.
     */
    DepositWatching depositWatching(SovxClient over) {
        return new DepositWatching(() -> over, services.runner(), services.scheduler(), services.clock(),
                () -> session.state().current().jobs(), services.environment().kind() == Environment.Kind.EMBEDDED,
                !services.policy().mayWrite());
    }

    SearchBox searchBox() {
        if (searchBox == null) {
            search = new SearchViewModel(session.calls(), services.activity()::entries);
            search.setOpenTrace(openTrace);
            search.setOpenUser(user -> {
                navigation.show("nav-users");
                users.open(user);
            }, user -> {
                navigation.show("nav-wallets");
                wallets.openOf(user);
                // the operator asked for the wallets: the arrow keys go through them, the first already selected
                Focus.moveAfterLayout(walletsView, () -> Optional.of(walletsView.table().table()));
            });
            searchBox = new SearchBox(search, services.runner());
            searchBox.watchDeposits(depositWatching(services.lookups()));
        }
        return searchBox;
    }

    /** Whether the search box is in the view shown. */
    boolean searchShown() {
        return searchBox != null && searchBox.getScene() != null;
    }

    UsersView usersView() {
        if (usersView == null) {
            context();
            users = new UsersViewModel(session.calls());
            users.setOnContinue(this::continueTree);
            users.setLookupsOnly(!services.policy().mayWrite());
            users.setOnKeyRefused(said -> context().refused(said));
            usersView = new UsersView(users);
            follow(users, context().customerIdProperty().get());
        }
        return usersView;
    }

    TransactionsView transactionsView() {
        if (transactionsView == null) {
            context();
            transactions = new TransactionsViewModel(session.calls());
            transactions.setOnKeyRefused(said -> context().refused(said));
            transactionsView = new TransactionsView(transactions);
            follow(transactions, context().customerIdProperty().get());
        }
        return transactionsView;
    }

    WalletsView walletsView() {
        if (walletsView == null) {
            context();
            wallets = new WalletsViewModel(session.calls());
            wallets.setOnContinue(this::continueTree);
            wallets.setLookupsOnly(!services.policy().mayWrite());
            wallets.setOnKeyRefused(said -> context().refused(said));
            walletsView = new WalletsView(wallets, services.runner());
            walletsView.watchDeposits(depositWatching(services.lookups()));
            follow(wallets, context().customerIdProperty().get());
        }
        return walletsView;
    }

    /** The paged table of the lookup shown (wallets, transactions or users), if one is. */
    PagedTable<?> shownTable() {
        return walletsView != null && walletsView.getScene() != null ? walletsView.table()
                : transactionsView != null && transactionsView.getScene() != null ? transactionsView.table()
                : usersView != null && usersView.getScene() != null ? usersView.table() : null;
    }

    /** F5 on the Customers view: its list and the selected customer's keys anew. False if it is not shown. */
    boolean refreshCustomersIfShown() {
        if (customersView == null || customersView.getScene() == null) {
            return false;
        }
        customers.refresh();
        keys.show(customers.selected.get() == null ? null : customers.selected.get().customerId());
        return true;
    }

    /**
     * A support action continues the customer-in-context's tree in the wizard, so the write goes through its
     * service, journal, production confirmation and recovery; an unfinished onboarding is replaced only if the
     * operator agrees.
     */
    private void continueTree(ContinueFrom from) {
        String customerId = context().customerIdProperty().get();
        if (customerId == null || !mayReplaceOnboarding.getAsBoolean()) {
            return;
        }
        onboarding.startFrom(new OnboardingViewModel.StartPoint(customerId, null, null, context().ownerKey(),
                from.user(), from.wallet()));
        navigation.show(Navigation.ONBOARDING);
    }

    /** A lookup screen shows the customer in context; with none (signed out, a revoked key), nothing: no call. */
    private static void follow(LookupList<?> screen, String customer) {
        if (screen == null) {
            return;
        }
        if (customer == null) {
            screen.clear();
        } else {
            screen.reload();
        }
    }

    /** A lookup view under the customer in context and the search. */
    Node lookup(Node view) {
        VBox box = new VBox(4, new LookupContextView(context()), searchBox(), view);
        box.setPadding(new Insets(8, 0, 0, 12));
        VBox.setVgrow(view, Priority.ALWAYS);
        return box;
    }
}
