package com.sovera.console.lookup;

import com.sovera.console.api.ApiCall;
import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.model.Page;
import com.sovera.console.ui.Background;
import com.sovera.console.ui.Problem;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One server-side paged list: page index, page size, sort and filters become {@code filter[...]}; only the
 * answer to the latest request is shown (earlier calls are cancelled and their answers dropped). FX thread only.
 */
public final class PagedModel<T> {

    /** What the table shows besides rows. */
    public enum State { IDLE, LOADING, LOADED, EMPTY, ERROR, NOT_OFFERED }

    private final Function<Filter, ApiCall<Page<T>>> source;
    private final Background background;
    private final String tieBreaker;
    private final ObservableList<T> rows = FXCollections.observableArrayList();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final LongProperty total = new SimpleLongProperty();
    private final IntegerProperty page = new SimpleIntegerProperty();
    private final IntegerProperty pageSize = new SimpleIntegerProperty(20);
    private final StringProperty message = new SimpleStringProperty("");
    private Filter conditions = Filter.none();
    private List<Filter.Sort> sort = List.of();
    private ApiCall<Page<T>> inFlight;
    private long generation;
    /** The request whose rows are on screen, so a failed refresh of it can leave them there. */
    private Filter shown;
    private boolean offered;
    private static final String STALE = " (not refreshed)";

    /**
     * @param tieBreaker a sort key added after the operator's, so rows neither repeat nor vanish between pages
     */
    public PagedModel(Function<Filter, ApiCall<Page<T>>> source, Background background, String tieBreaker) {
        this.source = source;
        this.background = background;
        this.tieBreaker = tieBreaker;
    }

    public ObservableList<T> rows() {
        return rows;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public IntegerProperty pageSizeProperty() {
        return pageSize;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The number of pages the total fills, at least one. */
    public int pageCount() {
        return (int) Math.max(1, (total.get() + pageSize.get() - 1) / pageSize.get());
    }

    /** Replaces the conditions and sort and shows the first page. */
    public void query(Filter newConditions, List<Filter.Sort> newSort) {
        this.conditions = newConditions;
        this.sort = List.copyOf(newSort);
        page.set(0);
        load();
    }

    public void showPage(int index) {
        page.set(Math.max(0, index));
        load();
    }

    public void setPageSize(int size) {
        pageSize.set(size);
        page.set(0);
        load();
    }

    /** The filter of the current query for a given page: what the export walks through. */
    public Filter filter(int limit, long skip) {
        Filter f = conditions.limit(limit).skip(skip);
        for (Filter.Sort s : sort) {
            f = f.sort(s.field(), s.direction());
        }
        if (sort.stream().noneMatch(s -> s.field().equals(tieBreaker))) {
            Filter.Direction last = sort.isEmpty() ? Filter.Direction.ASC : sort.get(sort.size() - 1).direction();
            f = f.sort(tieBreaker, last);
        }
        return f;
    }

    public Function<Filter, ApiCall<Page<T>>> source() {
        return source;
    }

    /** Fetches the current page; an answer to an earlier request that arrives late is ignored. */
    public void load() {
        if (inFlight != null) {
            inFlight.cancel();
        }
        long mine = ++generation;
        Filter request = filter(pageSize.get(), (long) page.get() * pageSize.get());
        ApiCall<Page<T>> call = source.apply(request);
        inFlight = call;
        String shownMessage = message.get();
        state.set(State.LOADING);
        problem.set(null);
        background.run(call::execute, result -> {
            if (mine != generation) {
                return;
            }
            rows.setAll(result.rows());
            shown = request;
            offered = true;
            total.set(result.total() == null ? result.rows().size() : result.total());
            state.set(result.rows().isEmpty() ? State.EMPTY : State.LOADED);
            long first = (long) page.get() * pageSize.get();
            message.set(total.get() == 0 ? "No rows match." : (first + 1) + "–" + (first + result.rows().size())
                    + " of " + total.get());
        }, failure -> {
            if (mine != generation) {
                return;
            }
            // Top-level lists are (assumed) endpoints: a server without them answers 404 or 405. One that has
            // answered them before is failing, not lacking them.
            if (!offered && failure instanceof ApiException e && (e.httpStatus() == 404 || e.httpStatus() == 405)) {
                rows.clear();
                message.set("This server does not offer this lookup (HTTP " + e.httpStatus() + ").");
                state.set(State.NOT_OFFERED);
                return;
            }
            problem.set(Problem.of(failure));
            state.set(State.ERROR);
            if (request.equals(shown)) {
                // a failed refresh: the rows being read stay, said to be from before
                message.set(shownMessage.isEmpty() ? "" : shownMessage.replace(STALE, "") + STALE);
            } else {
                rows.clear();
                shown = null;
                message.set("");
            }
        });
    }

}
