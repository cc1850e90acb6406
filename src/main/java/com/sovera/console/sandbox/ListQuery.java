package com.sovera.console.sandbox;

import static com.sovera.console.sandbox.FilterText.abbreviate;
import static com.sovera.console.sandbox.FilterText.likePattern;
import static com.sovera.console.sandbox.FilterText.number;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code filter[...]} family of one list endpoint, checked against what the endpoint allows and turned into
 * a count and a page query. Every order ends with {@code pk}, so equal sort keys never reorder between pages.
 */
final class ListQuery {

    /**
     * A filterable field: its column, how a value is normalised before comparing, its index, and whether that
     * index continues with (created_at, pk), so a filtered list in creation order reads it without sorting.
     */
    record Field(String column, UnaryOperator<String> normalise, String index, boolean byCreation) {
        static Field exact(String column, String index) {
            return new Field(column, v -> v, index, false);
        }

        static Field upper(String column, String index) {
            return new Field(column, v -> v.toUpperCase(Locale.ROOT), index, false);
        }

        static Field lower(String column, String index) {
            return new Field(column, v -> v.toLowerCase(Locale.ROOT), index, false);
        }

        /** The same field, its index ordered by (owner, column, created_at, pk). */
        Field inCreationOrder() {
            return new Field(column, normalise, index, true);
        }
    }

    /** A sortable field: its column and the index ordered by (owner, column[, pk]); unique ones need no pk. */
    record SortKey(String column, String index, boolean unique) {
        static SortKey of(String column, String index) {
            return new SortKey(column, index, false);
        }
    }

    /**
     * What a list endpoint allows.
     *
     * @param where exact-match fields
     * @param like  fields that take {@code [like]}, mapped to a lower-case SQL expression
     * @param sort  sortable fields; {@code created_at} is the default order
     * @param pairs indexes ordered by (owner, filter column, sort columns[, pk]) by "filter/sorts" field names
     *              (sorts comma-separated, all one way; no filter before the slash for an order of several keys):
     *              one filter with many matches and its sorts read such an index in order instead of sorting them
     */
    record Spec(String table, String ownerColumn, Map<String, Field> where, Map<String, String> like,
                Map<String, SortKey> sort, Map<String, String> pairs) {

        Spec(String table, String ownerColumn, Map<String, Field> where, Map<String, String> like,
             Map<String, SortKey> sort) {
            this(table, ownerColumn, where, like, sort, Map.of());
        }
    }

    /** A row reader. */
    @FunctionalInterface
    interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final int MAX_VALUE_LENGTH = 254;
    private static final String DIRECTION = "([Aa][Ss][Cc]|[Dd][Ee][Ss][Cc])";
    /** Each list's sort pattern, compiled once: the sortable fields of an endpoint never change. */
    private static final Map<java.util.Set<String>, java.util.regex.Pattern> SORT_PATTERNS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** One parsed sort key (its field's name) with its direction. */
    record Order(String name, SortKey key, String direction) {
    }

    private final Spec spec;
    private final int limit;
    private final long skip;
    private final List<Order> sorts = new ArrayList<>();
    private final List<Field> exact = new ArrayList<>();
    private final List<String> exactNames = new ArrayList<>();
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();
    private boolean onlyExact = true;
    /** {@code [like]} conditions that start with a wildcard: no index can narrow them, only the order's serves. */
    private int containing;
    /** The field of the last {@code [like]} condition, its value as given, and its pattern as bound. */
    private String likeField;
    private String likeValue;
    private String likeParam;

    private ListQuery(Spec spec, int limit, long skip) {
        this.spec = spec;
        this.limit = limit;
        this.skip = skip;
    }

    /** Reads the query's {@code filter[...]} parameters; anything the endpoint does not allow is a 400. */
    static ListQuery parse(Spec spec, Map<String, String> query) {
        Map<String, String> filters = new LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (k.startsWith("filter")) {
                filters.put(k, v);
            }
        });
        ListQuery q = new ListQuery(spec,
                (int) number(filters.remove("filter[limit]"), "filter[limit]", DEFAULT_LIMIT, 1, MAX_LIMIT),
                number(filters.remove("filter[skip]"), "filter[skip]", 0, 0, Long.MAX_VALUE));
        String sort = filters.remove("filter[sort]");
        if (sort != null) {
            q.parseSort(sort);
        }
        for (Map.Entry<String, String> e : filters.entrySet()) {
            q.parseCondition(e.getKey(), e.getValue());
        }
        return q;
    }

    /**
     * {@code field [ASC|DESC]}, comma-separated, spaces allowed around each word; the pattern is
     * {@link #sortPattern}, as in docs/openapi.yaml. A field named again keeps its first direction.
     */
    private void parseSort(String sort) {
        java.util.regex.Pattern allowed = SORT_PATTERNS.computeIfAbsent(java.util.Set.copyOf(spec.sort().keySet()),
                fields -> java.util.regex.Pattern.compile(sortPattern(fields)));
        if (!allowed.matcher(sort).matches()) {
            throw SandboxError.validation("filter[sort]", "cannot sort by '" + abbreviate(sort) + "': write field,"
                    + " field ASC or field DESC, comma-separated; sortable: "
                    + String.join(", ", new java.util.TreeSet<>(spec.sort().keySet())));
        }
        List<String> seen = new ArrayList<>();
        for (String part : sort.split(",", -1)) {
            String[] words = part.trim().split(" +");
            if (seen.contains(words[0]) || !sorts.isEmpty() && sorts.get(sorts.size() - 1).key().unique()) {
                continue; // after a unique key, another decides nothing: the order is the same without it
            }
            seen.add(words[0]);
            sorts.add(new Order(words[0], spec.sort().get(words[0]),
                    words.length == 2 ? words[1].toUpperCase(Locale.ROOT) : "ASC"));
        }
    }

    /** The pattern a {@code filter[sort]} value of these fields matches. */
    static String sortPattern(java.util.Collection<String> fields) {
        String term = " *(" + String.join("|", new java.util.TreeSet<>(fields)) + ")( +" + DIRECTION + ")? *";
        return "^" + term + "(," + term + ")*$";
    }

    private void parseCondition(String key, String value) {
        String rest = key.startsWith("filter[where][") ? key.substring("filter[where][".length()) : null;
        if (rest == null || !rest.endsWith("]")) {
            throw SandboxError.validation(abbreviate(key), "unknown filter parameter '" + abbreviate(key)
                    + "'; use filter[limit], filter[skip], filter[sort] or filter[where][field]");
        }
        boolean like = rest.endsWith("][like]");
        String field = rest.substring(0, rest.length() - (like ? "][like]".length() : 1));
        if (com.sovera.console.api.model.Rules.length(value) > MAX_VALUE_LENGTH) {
            throw SandboxError.validation(abbreviate(key), "the value of " + abbreviate(key) + " is too long");
        }
        if (like) {
            String expression = spec.like().get(field);
            if (expression == null) {
                throw SandboxError.validation(abbreviate(key), "cannot filter '" + abbreviate(field) + "' by pattern;"
                        + " allowed: " + String.join(", ", spec.like().keySet()));
            }
            conditions.add(expression + " LIKE ? ESCAPE '\\'");
            likeField = field;
            likeValue = value;
            likeParam = likePattern(value);
            params.add(likeParam);
            onlyExact = false;
            if (value.startsWith("%")) {
                containing++;
            }
        } else {
            Field f = spec.where().get(field);
            if (f == null) {
                throw SandboxError.validation(abbreviate(key), "cannot filter by '" + abbreviate(field) + "'; allowed: "
                        + String.join(", ", spec.where().keySet()));
            }
            conditions.add(f.column() + " = ?");
            params.add(f.normalise().apply(value));
            exact.add(f);
            exactNames.add(field);
        }
    }

    /** Adds a fixed condition from the path, such as the user whose wallets are listed. */
    ListQuery and(String column, Object value) {
        conditions.add(column + " = ?");
        params.add(value);
        onlyExact = false;
        return this;
    }

    int limit() {
        return limit;
    }

    long skip() {
        return skip;
    }

    /** Runs the count and the page for the owner's rows, with the database's totals and texts. */
    <T> Reply run(Connection c, Database db, long owner, String columns, Rows<T> rows) throws SQLException {
        return run(c, db.counts(), db.likeTexts(), owner, columns, rows);
    }

    /** Runs the count and the page for the owner's rows; {@code texts} may be null (a {@code [like]} then by SQL). */
    <T> Reply run(Connection c, CountCache counts, LikeTexts texts, long owner, String columns, Rows<T> rows)
            throws SQLException {
        if (likeField != null && LikeGrams.cannotMatch(c, spec.table(), owner, likeField, likeValue)) {
            return Reply.page(List.of(), new Reply.Pagination(0, limit, skip)); // a piece no row holds
        }
        // a lone [like] in creation order: through the field's few values, where it has few
        boolean creationOrder = sorts.isEmpty() || (sorts.size() == 1 && sorts.get(0).name().equals("created_at")
                && sorts.get(0).direction().equals("ASC"));
        Reply byValues = likeField == null || conditions.size() != 1 || !creationOrder ? null
                : LikeByValues.page(c, spec, owner, likeField, likeParam, skip, limit, columns, rows);
        if (byValues != null) {
            return byValues;
        }
        // a lone [like] on an e-mail or an address, in creation order either way: through the texts in memory
        boolean byCreation = sorts.isEmpty() || (sorts.size() == 1 && sorts.get(0).name().equals("created_at"));
        Reply byTexts = texts == null || likeField == null || conditions.size() != 1 || !byCreation ? null
                : texts.page(c, spec, owner, likeField, likeValue,
                        !sorts.isEmpty() && sorts.get(0).direction().equals("DESC"), skip, limit, columns, rows);
        if (byTexts != null) {
            return byTexts;
        }
        ListPlan plan = plan();
        StringBuilder where = new StringBuilder(" FROM " + spec.table()
                + (plan.index() == null ? "" : " USE INDEX (" + plan.index() + ")")
                + " WHERE " + spec.ownerColumn() + " = ?");
        for (String condition : conditions) {
            where.append(" AND ").append(condition);
        }
        // a pattern's count is the planner's: it may read a narrower index that holds the field
        String countSql = "SELECT COUNT(*)" + (containing > 0 && plan.index() != null
                ? where.toString().replace(" USE INDEX (" + plan.index() + ")", "") : where);
        // an exact filter's rows are counted by their positions in its index, the first asker's total too
        Long counted = countByPosition(c, owner);
        long total = counted != null ? counted : counts.count(spec.table(), owner, countSql + " " + params, () -> {
            try (PreparedStatement ps = c.prepareStatement(countSql)) {
                bind(ps, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        List<T> byPosition = byPosition(c, owner, columns, rows, total);
        List<T> page = byPosition != null ? byPosition : new ArrayList<>();
        if (byPosition == null && skip < total) {
            // OFFSET walks the index from its start: past the middle, walk it from the end instead, in the
            // opposite order, and turn the rows round. The last page costs what the first does.
            boolean fromEnd = skip > total / 2;
            long rowsLeft = total - skip;
            int take = (int) Math.min(limit, rowsLeft);
            long offset = fromEnd ? rowsLeft - take : skip;
            String sql = "SELECT " + columns + where + " ORDER BY " + (fromEnd ? plan.reversed() : plan.orderBy())
                    + " LIMIT " + take + " OFFSET " + offset;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(rows.read(rs));
                    }
                }
            }
            if (fromEnd) {
                java.util.Collections.reverse(page);
            }
        }
        return Reply.page(page, new Reply.Pagination(total, limit, skip));
    }

    /**
     * The page read by its position in the plan's index ({@link PositionalPage}), or null where the rows do not lie
     * together in it ({@link #range}) or it cannot tell. Whatever the skip, it costs what a first page does.
     */
    <T> List<T> byPosition(Connection c, long owner, String columns, Rows<T> rows, long total) throws SQLException {
        PositionalPage.Range range = range(owner);
        if (range == null || skip >= total) {
            return null;
        }
        return PositionalPage.read(c, range, skip, (int) Math.min(limit, total - skip), total,
                keys -> PositionalPage.rowsByKey(c, spec.table(), columns, rows, keys));
    }

    /** The count of the owner's rows that the conditions keep, read from the plan's index; null where it cannot. */
    Long countByPosition(Connection c, long owner) throws SQLException {
        PositionalPage.Range range = range(owner);
        return range == null ? null : PositionalPage.count(c, range);
    }

    /**
     * Where the query's rows lie in the plan's index, when they lie together in its order: the conditions are the
     * index's leading columns (the owner, then exact filters) and the order its columns, all one way.
     */
    private PositionalPage.Range range(long owner) {
        ListPlan plan = plan();
        if (plan.index() == null || !onlyExact) {
            return null;
        }
        List<String> order = new ArrayList<>();
        for (String term : plan.terms()) {
            order.add(term.substring(0, term.indexOf(' ')));
        }
        boolean descending = plan.terms().get(0).endsWith(" DESC");
        if (plan.terms().stream().anyMatch(t -> t.endsWith(" DESC") != descending)
                || exact.size() >= order.size() || !order.get(0).equals(spec.ownerColumn())) {
            return null;
        }
        List<Object> prefix = new ArrayList<>(List.of(owner));
        for (int i = 0; i < exact.size(); i++) {
            if (!exact.get(i).column().equals(order.get(i + 1))) {
                return null;
            }
            prefix.add(params.get(i));
        }
        return new PositionalPage.Range(plan.index(), order, descending, prefix, "pk");
    }

    /** The order and index of this query ({@link ListPlan#of}). */
    ListPlan plan() {
        return ListPlan.of(spec, sorts, exact, exactNames, onlyExact, conditions.size() - containing);
    }

    private void bind(PreparedStatement ps, long owner) throws SQLException {
        ps.setLong(1, owner);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 2, params.get(i));
        }
    }
}
