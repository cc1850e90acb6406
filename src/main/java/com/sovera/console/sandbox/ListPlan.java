package com.sovera.console.sandbox;

import com.sovera.console.sandbox.ListQuery.Field;
import com.sovera.console.sandbox.ListQuery.Order;
import com.sovera.console.sandbox.ListQuery.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * An ORDER BY (as terms "column DIRECTION"), and the index that serves it when one clearly does. The order always
 * leads with the owner column, so that it matches an index column for column (H2 only reads an index in order when
 * it does), and ends with pk unless the last key is unique. H2's planner picks a filtering index over a sorted one,
 * so where one index serves the whole query it is named.
 */
record ListPlan(List<String> terms, String index) {

    String orderBy() {
        return String.join(", ", terms);
    }

    /** The same order backwards: the index read from its other end. */
    String reversed() {
        return String.join(", ", terms.stream().map(t -> t.endsWith(" ASC") ? t.replaceFirst(" ASC$", " DESC")
                : t.replaceFirst(" DESC$", " ASC")).toList());
    }

    /**
     * The plan of a parsed query.
     *
     * @param sorts      its sort keys (none: oldest first)
     * @param exact      its exact filters, with their names in {@code exactNames}
     * @param onlyExact  no condition but exact filters and [like]s (no fixed one from the path)
     * @param narrowing  its conditions other than [like]s that start with a wildcard
     */
    static ListPlan of(Spec spec, List<Order> sorts, List<Field> exact, List<String> exactNames, boolean onlyExact,
                       int narrowing) {
        String owner = spec.ownerColumn();
        boolean oneFilter = exact.size() == 1 && onlyExact && exact.get(0).index() != null;
        if (oneFilter && exact.get(0).byCreation() && (sorts.isEmpty() || (sorts.size() == 1
                && sorts.get(0).key().column().equals("created_at")))) {
            // one filter, creation order: its index is (owner, column, created_at, pk), read forwards or back
            Field f = exact.get(0);
            String dir = sorts.isEmpty() ? "ASC" : sorts.get(0).direction();
            return new ListPlan(List.of(owner + " " + dir, f.column() + " " + dir, "created_at " + dir, "pk " + dir),
                    f.index());
        }
        String pair = oneFilter && oneWay(sorts) ? spec.pairs().get(exactNames.get(0) + "/" + names(sorts)) : null;
        if (pair != null) {
            // one filter (equal on every row it keeps) and its sorts: (owner, filter, sorts[, pk]) is that order
            String dir = sorts.get(0).direction();
            List<String> terms = new ArrayList<>(List.of(owner + " " + dir, exact.get(0).column() + " " + dir));
            for (Order s : sorts) {
                if (!s.key().column().equals(exact.get(0).column())) {
                    terms.add(s.key().column() + " " + dir);
                }
            }
            if (!sorts.get(sorts.size() - 1).key().unique()) {
                terms.add("pk " + dir);
            }
            return new ListPlan(terms, pair);
        }
        String oldestFirst = sorts.isEmpty() && oneFilter ? spec.pairs().get(exactNames.get(0) + "/created_at") : null;
        if (oldestFirst != null) {
            // no sort is oldest first (the contract's): the filter's (owner, column, created_at, pk) index, in order
            String column = exact.get(0).column();
            return new ListPlan(List.of(owner + " ASC", column + " ASC", "created_at ASC", "pk ASC"), oldestFirst);
        }
        List<Order> order = sorts.isEmpty()
                ? List.of(new Order("created_at", spec.sort().get("created_at"), "ASC")) : sorts;
        String first = order.get(0).direction();
        Order last = order.get(order.size() - 1);
        List<String> terms = new ArrayList<>(List.of(owner + " " + first));
        for (Order s : order) {
            terms.add(s.key().column() + " " + s.direction());
        }
        if (!last.key().unique()) {
            terms.add("pk " + last.direction());
        }
        if (oneFilter) {
            // a filter no index pairs with this order (a value pasted: a user's wallets, a hash): its matches read
            // through its own index and sorted (left to itself, H2 walked the order's index through every row)
            return new ListPlan(terms, exact.get(0).index());
        }
        // a pattern that starts with % reads every entry of any index: read the order's, in order, and stop at
        // the page (left to itself, H2 read it backwards for a last page and sorted every match)
        String index = narrowing != 0 ? null : order.size() == 1 ? order.get(0).key().index()
                : oneWay(sorts) ? spec.pairs().get("/" + names(sorts)) : null;
        return new ListPlan(terms, index);
    }

    /** The sort's fields, comma-separated: how {@link Spec#pairs} names an order of several keys. */
    private static String names(List<Order> sorts) {
        return String.join(",", sorts.stream().map(Order::name).toList());
    }

    /** Every sort key goes the same way (and there is one): only then can an index be read in that order. */
    private static boolean oneWay(List<Order> sorts) {
        return !sorts.isEmpty() && sorts.stream().map(Order::direction).distinct().count() == 1;
    }
}
