package com.sovera.console;

import com.sovera.console.api.Filter;
import com.sovera.console.api.model.Transaction;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.lookup.PagedTable;
import com.sovera.console.lookup.PagedViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongToIntFunction;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every kind of lookup the console's Users, Wallets and Transactions screens offer, measured in the console over the
 * benchmark's sandbox: from the request (a page turned, a filter applied) to the layout of the first pulse after the
 * list took the answer (its rows laid out, to be drawn by that pulse), through the screen's own view model, client and table, as the console asks (its tie-breaker after
 * each sort). Each sortable column both ways at the first, middle and last pages; each filter of the screen with
 * each sort at pages spread over its matches; a value pasted; a "contains" search at its first, middle and last page
 * and one that matches nothing. {@code questions} distinct questions per kind; a query's first page is loaded
 * untimed before its later pages are asked, as an operator would see it before turning pages. Figures only.
 */
final class ConsoleLookups {

    private static final int PAGE = 20;

    private final FxRobot robot;
    private final int questions;
    private final Consumer<String> out;
    private final Random random = new Random(20261207L);
    /** -Dbench.lookups.kinds=sorts,filtered,exact,like: the kinds of question asked. */
    private final List<String> kinds = List.of(System.getProperty("bench.lookups.kinds", "sorts,filtered,exact,like")
            .split(","));

    /**
     * One question: a query, and its page from the query's total (read once the query is shown); a new query asks
     * its first page itself, timed.
     */
    private record Question(Filter conditions, List<Filter.Sort> sort, LongToIntFunction page, boolean newQuery) {

        static Question newQuery(Filter conditions) {
            return new Question(conditions, List.of(), total -> 0, true);
        }
    }

    ConsoleLookups(FxRobot robot, int questions, Consumer<String> out) {
        this.robot = robot;
        this.questions = questions;
        this.out = out;
    }

    void run() throws Exception {
        out.accept("");
        out.accept("| lookup in the console (to rows on screen) | p50 | p99 | max | questions | target p99 | met"
                + " | load before |");
        out.accept("|---|---|---|---|---|---|---|---|");
        // the screens and kinds asked (all by default), as LookupBenchmarks reads them
        List<String> only = List.of(System.getProperty("bench.lookups.only", "users,wallets,transactions").split(","));
        if (only.contains("users")) {
            users();
        }
        if (only.contains("wallets")) {
            wallets();
        }
        if (only.contains("transactions")) {
            transactions();
        }
    }

    private void users() throws Exception {
        PagedTable<User> table = open("#nav-users", "#users-list");
        List<User> sample = sample(table);
        List<String> sorts = List.of("created_at", "email", "last_name", "status");
        if (kinds.contains("sorts")) {
            sorts(table, "users", sorts);
        }
        Map<String, List<String>> where = new LinkedHashMap<>();
        where.put("status", List.of("ACTIVE", "PENDING", "VERIFIED", "SUSPENDED"));
        where.put("user_type", List.of("individual", "business"));
        where.put("country", values(sample, User::country));
        if (kinds.contains("filtered")) {
            filtered(table, "users", where, sorts);
        }
        if (kinds.contains("like")) {
            contains(table, "users", "email", values(sample, User::email));
        }
        timed(table.model(), () -> table.model().query(Filter.none(), List.of())); // as the other figures expect
    }

    private void wallets() throws Exception {
        PagedTable<Wallet> table = open("#nav-wallets", "#wallets-list");
        List<Wallet> sample = sample(table);
        List<String> sorts = List.of("created_at", "name", "currency");
        if (kinds.contains("sorts")) {
            sorts(table, "wallets", sorts);
        }
        Map<String, List<String>> where = new LinkedHashMap<>();
        where.put("currency", List.of("BTC", "ETH", "USDC"));
        where.put("status", List.of("ACTIVE"));
        if (kinds.contains("filtered")) {
            filtered(table, "wallets", where, sorts);
        }
        if (kinds.contains("exact")) {
            pasted(table, "wallets", "user_id", values(sample, Wallet::userId));
        }
        if (kinds.contains("like")) {
            contains(table, "wallets", "name", values(sample, Wallet::name));
        }
    }

    private void transactions() throws Exception {
        PagedTable<Transaction> table = open("#nav-transactions", "#transactions-list");
        List<Transaction> sample = sample(table);
        List<String> sorts = List.of("created_at", "amount");
        if (kinds.contains("sorts")) {
            sorts(table, "transactions", sorts);
        }
        Map<String, List<String>> where = new LinkedHashMap<>();
        where.put("currency", List.of("BTC", "ETH", "USDC"));
        where.put("status", List.of("COMPLETED"));
        if (kinds.contains("filtered")) {
            filtered(table, "transactions", where, sorts);
        }
        if (kinds.contains("exact")) {
            pasted(table, "transactions", "tx_hash", values(sample, Transaction::txHash));
        }
        if (kinds.contains("exact")) {
            pasted(table, "transactions", "address", values(sample, Transaction::address));
        }
        if (kinds.contains("exact")) {
            pasted(table, "transactions", "wallet_id", values(sample, Transaction::walletId));
        }
    }

    // ---- kinds ----

    private void sorts(PagedTable<?> table, String list, List<String> fields) throws Exception {
        for (String field : fields) {
            for (Filter.Direction dir : Filter.Direction.values()) {
                for (String at : List.of("first", "middle", "last")) {
                    List<Question> qs = new ArrayList<>();
                    for (int k = 0; k < questions; k++) {
                        int nth = k;
                        qs.add(new Question(Filter.none(), List.of(new Filter.Sort(field, dir)),
                                total -> page(total, at, nth), false));
                    }
                    measure(table, list + " sort " + field + " " + dir + ", " + at + " pages", 100, qs);
                }
            }
        }
    }

    private void filtered(PagedTable<?> table, String list, Map<String, List<String>> where, List<String> fields)
            throws Exception {
        for (Map.Entry<String, List<String>> e : where.entrySet()) {
            List<List<Filter.Sort>> orders = new ArrayList<>();
            orders.add(List.of());
            for (String field : fields) {
                for (Filter.Direction dir : Filter.Direction.values()) {
                    orders.add(List.of(new Filter.Sort(field, dir)));
                }
            }
            for (List<Filter.Sort> order : orders) {
                List<Question> qs = new ArrayList<>();
                for (int k = 0; k < questions; k++) {
                    String v = e.getValue().get(k % e.getValue().size());
                    int nth = k;
                    qs.add(new Question(Filter.none().where(e.getKey(), v), order,
                            total -> (int) (Math.max(0, total - 1) * nth / Math.max(1, questions - 1) / PAGE), false));
                }
                measure(table, list + " where " + e.getKey() + (order.isEmpty() ? "" : " sort " + order.get(0))
                        + ", pages spread over the matches", 100, qs);
            }
        }
    }

    private void pasted(PagedTable<?> table, String list, String field, List<String> values) throws Exception {
        List<Question> qs = new ArrayList<>();
        for (int k = 0; k < questions; k++) {
            qs.add(Question.newQuery(Filter.none().where(field, values.get(k % values.size()))));
        }
        measure(table, list + " where " + field + " (a value pasted)", 100, qs);
    }

    /** The screen's "contains" box: fragments of 3 to 7 characters of sampled values, and one that finds nothing. */
    private void contains(PagedTable<?> table, String list, String field, List<String> values) throws Exception {
        Set<String> fragments = new LinkedHashSet<>();
        for (int k = 0; fragments.size() < questions && k < questions * 20; k++) {
            String v = values.get(random.nextInt(values.size())).toLowerCase(Locale.ROOT);
            int n = Math.min(v.length(), 3 + random.nextInt(5));
            int from = random.nextInt(v.length() - n + 1);
            fragments.add(v.substring(from, from + n));
        }
        List<String> found = new ArrayList<>(fragments);
        for (String at : List.of("first", "middle", "last")) {
            List<Question> qs = new ArrayList<>();
            for (int k = 0; k < questions; k++) {
                Filter f = Filter.none().contains(field, found.get(k % found.size()));
                int nth = k / found.size();
                qs.add(at.equals("first") ? Question.newQuery(f)
                        : new Question(f, List.of(), total -> page(total, at, nth), false));
            }
            measure(table, list + " " + field + " contains 3+ characters, " + at + " page", 100, qs);
        }
        List<Question> none = new ArrayList<>();
        for (int k = 0; k < questions; k++) {
            none.add(Question.newQuery(Filter.none().contains(field, "q" + (char) ('a' + k % 26) + "zx" + k / 26)));
        }
        measure(table, list + " " + field + " contains, matching nothing", 100, none);
    }

    // ---- asking ----

    /**
     * Asks each question and writes p50 / p99 / max. A question on the query shown turns the page; one on another
     * query loads that query's first page untimed first, unless the question is that first page itself.
     */
    private void measure(PagedTable<?> table, String name, double targetMs, List<Question> qs) throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        PagedViewModel<?> model = table.model();
        List<Long> times = new ArrayList<>();
        int failed = 0;
        for (Question q : qs) {
            long took;
            if (q.newQuery()) {
                took = timed(model, () -> model.query(q.conditions(), q.sort()));
            } else {
                if (!onFx(() -> isShown(model, q))) {
                    timed(model, () -> model.query(q.conditions(), q.sort()));
                }
                int page = q.page().applyAsInt(onFx(() -> model.totalProperty().get()));
                took = timed(model, () -> model.showPage(page));
            }
            if (onFx(() -> model.stateProperty().get()) == PagedViewModel.State.ERROR) {
                failed++;
            }
            times.add(took);
        }
        double p50 = percentile(times, 50) / 1e6;
        double p99 = percentile(times, 99) / 1e6;
        double max = percentile(times, 100) / 1e6;
        String row = String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %d%s | < %.0f ms | %s | %s |",
                name, p50, p99, max, times.size(), failed == 0 ? "" : " (" + failed + " failed)", targetMs,
                p99 < targetMs && failed == 0 ? "yes" : "**no**", load);
        out.accept(row);
        System.out.println(row);
    }

    /** Reads view state on the FX thread, where it lives. */
    private static <V> V onFx(Callable<V> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(60, TimeUnit.SECONDS);
    }

    private static boolean isShown(PagedViewModel<?> model, Question q) {
        PagedViewModel.Query shown = model.queryProperty().get();
        return shown.conditions().equals(q.conditions()) && shown.sort().equals(q.sort());
    }

    /**
     * Runs {@code request} on the FX thread and returns the nanoseconds from then to the end of the layout of the
     * first pulse after the list left its loading state (its rows set, or its failure told): the table's new rows
     * laid out, drawn by that pulse.
     */
    private long timed(PagedViewModel<?> model, Runnable request) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        AtomicLong at = new AtomicLong();
        Scene scene = onFx(() -> robot.lookup("#nav-users").query().getScene());
        ChangeListener<PagedViewModel.State> done = (o, was, now) -> {
            if (now != PagedViewModel.State.LOADING && shown.getCount() > 0) {
                AtomicBoolean once = new AtomicBoolean();
                Runnable laidOut = new Runnable() {
                    @Override
                    public void run() {
                        if (once.compareAndSet(false, true)) {
                            at.set(System.nanoTime());
                            shown.countDown();
                            Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
                        }
                    }
                };
                scene.addPostLayoutPulseListener(laidOut);
                Platform.requestNextPulse();
            }
        };
        AtomicLong t0 = new AtomicLong();
        robot.interact(() -> {
            model.stateProperty().addListener(done);
            t0.set(System.nanoTime());
            request.run();
        });
        if (!shown.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the list did not load");
        }
        robot.interact(() -> model.stateProperty().removeListener(done));
        return at.get() - t0.get();
    }

    private int page(long total, String at, int k) {
        int last = (int) Math.max(0, (total - 1) / PAGE);
        int page = switch (at) {
            case "first" -> k;
            case "middle" -> last / 2 + k - questions / 2;
            default -> last - k;
        };
        return Math.max(0, Math.min(last, page));
    }

    // ---- the screens ----

    @SuppressWarnings("unchecked")
    private <T> PagedTable<T> open(String nav, String list) throws Exception {
        robot.interact(() -> robot.lookup(nav).queryAs(ToggleButton.class).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> !robot.lookup(list).queryAll().isEmpty()
                && ((PagedTable<T>) robot.lookup(list).query()).model().stateProperty().get()
                == PagedViewModel.State.LOADED));
        return onFx(() -> (PagedTable<T>) robot.lookup(list).query());
    }

    /** Rows from ten pages spread over the list, for values to filter and search by. */
    private <T> List<T> sample(PagedTable<T> table) throws Exception {
        PagedViewModel<T> model = table.model();
        timed(model, () -> model.query(Filter.none(), List.of()));
        long total = onFx(() -> model.totalProperty().get());
        List<T> rows = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            int page = (int) ((total - 1) * k / 9 / PAGE);
            timed(table.model(), () -> table.model().showPage(page));
            robot.interact(() -> rows.addAll(table.model().rows()));
        }
        return rows;
    }

    /** The distinct values of a field in the sampled rows, shuffled. */
    private <T> List<String> values(List<T> rows, Function<T, String> field) {
        Set<String> out = new LinkedHashSet<>();
        for (T row : rows) {
            String v = field.apply(row);
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        List<String> list = new ArrayList<>(out);
        Collections.shuffle(list, random);
        return list;
    }

    private static double percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
