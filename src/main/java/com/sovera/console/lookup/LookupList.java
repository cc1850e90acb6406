package com.sovera.console.lookup;

import com.sovera.console.api.ApiCall;
import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.Page;
import com.sovera.console.session.SessionCalls;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.task.TaskRunner;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the Users and Wallets screens share: the customer's objects, server-side paged, sorted and filtered; the one
 * selected; their CSV export; and where a support action goes. FX thread only.
 *
 * @param <T> a row of the list
 */
public abstract class LookupList<T> {

    public final ObjectProperty<T> selected = new SimpleObjectProperty<>();

    final SovxClient client;
    private final PagedViewModel<T> list;
    private final ExportViewModel<T> export;
    private Consumer<ContinueFrom> onContinue = action -> { };
    private Consumer<String> onKeyRefused = message -> { };
    /** The administrator set this desk for lookups: no support action continues the tree (it would create). */
    private final javafx.beans.property.BooleanProperty lookupsOnly =
            new javafx.beans.property.SimpleBooleanProperty();
    /** The row to select when it arrives (a search's Open user); null when none is awaited. */
    private java.util.function.Predicate<T> wanted;

    /**
     * @param calls    the session's: its lookups' client (the customer's owner key) and its runner
     * @param pages    one page of rows, asked of the given client
     * @param header   the CSV's header
     * @param cells    a row's values under it (null for a missing one)
     * @param fileName the name the export's save dialog suggests
     */
    LookupList(SessionCalls calls, BiFunction<SovxClient, Filter, ApiCall<Page<T>>> pages,
                         List<String> header, Function<T, List<String>> cells, String fileName) {
        SovxClient client = calls.lookups();
        TaskRunner runner = calls.runner();
        this.client = client;
        this.list = new PagedViewModel<>(f -> pages.apply(client, f), runner, "created_at");
        list.explainFailures(this::explain);
        // An export runs for minutes: it keeps reading the customer whose key was in use when it started, whatever
        // customer is picked meanwhile; sign-out stops it (signedOut).
        this.export = new ExportViewModel<>(list, () -> {
            SovxClient asNow = client.withOwnerKeyAsNow();
            return f -> pages.apply(asNow, f);
        }, runner, header, cells, fileName);
        // once a page is shown, after the table took its rows (a table clears its selection when they are replaced)
        list.stateProperty().addListener((o, was, now) -> {
            if (now != PagedViewModel.State.LOADING) {
                selectWanted();
            }
        });
    }

    public PagedViewModel<T> list() {
        return list;
    }

    public ExportViewModel<T> export() {
        return export;
    }

    /** Told (with what the screen says) when the server refused the owner key in use: it is to be dropped. */
    public void setOnKeyRefused(Consumer<String> value) {
        this.onKeyRefused = value;
    }

    /** These lists are read with the customer's owner key: a 401 refused the key, and signing in would not help. */
    private Problem explain(Throwable failure) {
        if (failure instanceof ApiException e && e.httpStatus() == 401) {
            String said = "This key was refused: " + e.serverMessage()
                    + (e.traceId() == null ? "" : " (trace id " + e.traceId() + ")");
            onKeyRefused.accept(said + ". Paste the customer's current key.");
            return new Problem("Key refused", said, e.code(), e.traceId(), null,
                    "Paste the customer's current owner key above (a revoked key, or another customer's, is"
                            + " refused).");
        }
        return Problem.of(failure);
    }

    /** Where a support action goes: the wizard, continuing the tree of the customer in context. */
    public void setOnContinue(Consumer<ContinueFrom> value) {
        this.onContinue = value;
    }

    /** Makes this a lookups desk's list: its support actions (they create) are offered disabled. */
    public void setLookupsOnly(boolean value) {
        lookupsOnly.set(value);
    }

    /** True on a lookups desk: Add wallet and New deposit address are not offered. */
    public javafx.beans.value.ObservableBooleanValue lookupsOnlyProperty() {
        return lookupsOnly;
    }

    /** Runs the query with the filters as they are now, from the first page. */
    public void apply() {
        applyAndSelect(null);
    }

    /**
     * Runs the query with the filters as they are now and selects the first row {@code which} accepts (if not null)
     * once the page arrives, unless another query was asked for meanwhile.
     */
    void applyAndSelect(java.util.function.Predicate<T> which) {
        wanted = which; // before the query: a runner on this thread answers it at once
        list.filter(conditions());
    }

    private void selectWanted() {
        if (wanted == null) {
            return;
        }
        java.util.function.Predicate<T> which = wanted;
        wanted = null;
        list.rows().stream().filter(which).findFirst().ifPresent(selected::set);
    }

    /** The customer in context changed: its first page, nothing of the one before. */
    public void reload() {
        wanted = null;
        selected.set(null);
        list.clear();
        apply();
    }

    /** No customer in context (a revoked key, a sign-out): nothing on screen, and no request without a key. */
    public void clear() {
        wanted = null;
        selected.set(null);
        list.clear();
    }

    /** Sign-out: no rows of the session on screen, and no export still reading with its key. */
    public void signedOut() {
        export.signedOut();
        clear();
    }

    /** The screen's filters as the server's conditions. */
    abstract Filter conditions();

    void continueFrom(ContinueFrom from) {
        if (lookupsOnly.get()) {
            return;
        }
        onContinue.accept(from);
    }

    /** An empty cell for a missing value. */
    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
