package com.sovera.console.lookup;

import com.sovera.console.api.ApiCall;
import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.model.Page;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.task.Latest;
import com.sovera.console.ui.task.TaskRunner;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One server-side paged list: page index, page size, sort and filters become {@code filter[...]}; only the
 * answer to the latest request is shown (the one before is cancelled and its answer dropped). FX thread only.
 */
public final class PagedViewModel<T> {

    /** What the table shows besides rows. */
    public enum State { IDLE, LOADING, LOADED, EMPTY, ERROR, NOT_OFFERED }

    /** The query as it stands, frozen: an export or a batch walks through this, never the live one. */
    public record Query(Filter conditions, List<Filter.Sort> sort, String tieBreaker) {

        public Query {
            sort = List.copyOf(sort);
        }

        /** The filter of this query for one page. */
        public Filter page(int limit, long skip) {
            Filter f = conditions.limit(limit).skip(skip);
            for (Filter.Sort s : sort) {
                f = f.sort(s.field(), s.direction());
            }
            if (sort.stream().noneMatch(s -> s.field().equals(tieBreaker))) {
                // rows neither repeat nor vanish between pages
                Filter.Direction last = sort.isEmpty() ? Filter.Direction.ASC : sort.get(sort.size() - 1).direction();
                f = f.sort(tieBreaker, last);
            }
            return f;
        }
    }

    private static final String STALE = " (not refreshed)";

    private final Function<Filter, ApiCall<Page<T>>> source;
    private final Latest latest;
    private final ObservableList<T> rows = FXCollections.observableArrayList();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private java.util.function.Function<Throwable, Problem> explain = Problem::of;
    private final LongProperty total = new SimpleLongProperty();
    /** The server flagged the total as an estimate (a "contains" search): pages are offered while they come full. */
    private boolean estimated;
    private final IntegerProperty page = new SimpleIntegerProperty();
    private final IntegerProperty pageSize = new SimpleIntegerProperty(20);
    private final StringProperty message = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Query> query;
    /** The request whose rows are on screen, so a failed refresh of it can leave them there. */
    private Filter shown;
    private boolean offered;

    /** @param tieBreaker a sort key added after the operator's, so rows neither repeat nor vanish between pages */
    /** How a failed load is told (a list read with an owner key says a 401 refused the key, not the session). */
    void explainFailures(java.util.function.Function<Throwable, Problem> value) {
        this.explain = value;
    }

    public PagedViewModel(Function<Filter, ApiCall<Page<T>>> source, TaskRunner runner, String tieBreaker) {
        this.source = source;
        this.latest = new Latest(runner);
        this.query = new ReadOnlyObjectWrapper<>(new Query(Filter.none(), List.of(), tieBreaker));
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

    /** The conditions and sort as they stand now. */
    public ReadOnlyObjectProperty<Query> queryProperty() {
        return query.getReadOnlyProperty();
    }

    /** The number of pages the total fills, at least one. */
    public int pageCount() {
        int counted = (int) Math.max(1, (total.get() + pageSize.get() - 1) / pageSize.get());
        // an estimated total is no count: while the page shown is full, there may be one more
        return estimated && rows.size() == pageSize.get() ? Math.max(counted, page.get() + 2) : counted;
    }

    /** New conditions, keeping the sort; shows the first page. */
    public void filter(Filter conditions) {
        query(conditions, query.get().sort());
    }

    /** A new sort, keeping the conditions; shows the first page. Nothing is sent when the sort is unchanged. */
    public void sort(List<Filter.Sort> sort) {
        if (!sort.equals(query.get().sort())) {
            query(query.get().conditions(), sort);
        }
    }

    /** Replaces the conditions and sort and shows the first page. */
    public void query(Filter conditions, List<Filter.Sort> sort) {
        query.set(new Query(conditions, sort, query.get().tieBreaker()));
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

    /** Drops the list and any answer still out: the customer in context changed, or the session ended. */
    public void clear() {
        latest.cancel();
        rows.clear();
        shown = null;
        total.set(0);
        page.set(0);
        problem.set(null);
        message.set("");
        state.set(State.IDLE);
    }

    /** Fetches the current page; the answer to an earlier request is never shown. */
    public void load() {
        Filter request = query.get().page(pageSize.get(), (long) page.get() * pageSize.get());
        long first = (long) page.get() * pageSize.get();
        String shownMessage = message.get();
        state.set(State.LOADING);
        problem.set(null);
        ApiCall<Page<T>> call = source.apply(request); // here, on the FX thread: the source may read view state
        latest.load(job -> job.execute(call), result -> {
            rows.setAll(result.rows());
            shown = request;
            offered = true;
            estimated = result.totalEstimated();
            total.set(result.total() == null ? first + result.rows().size() : result.total());
            state.set(result.rows().isEmpty() ? State.EMPTY : State.LOADED);
            // a server may estimate a "contains" search's total (meta.pagination.total_estimated): never a count
            message.set(total.get() == 0 ? "No rows match." : (first + 1) + "–" + (first + result.rows().size())
                    + (result.totalEstimated() ? " of about " : " of ") + total.get());
        }, failure -> {
            // Top-level lists are (assumed) endpoints: a server without them answers 404 or 405. One that has
            // answered them before is failing, not lacking them.
            if (!offered && failure instanceof ApiException e && e.isNotOffered()) {
                rows.clear();
                message.set("This server does not offer this lookup (HTTP " + e.httpStatus() + ").");
                state.set(State.NOT_OFFERED);
                return;
            }
            problem.set(explain.apply(failure));
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
