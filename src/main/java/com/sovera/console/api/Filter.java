package com.sovera.console.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract's {@code filter[...]} family as an immutable value: page, sort keys, exact and {@code like}
 * conditions. {@link #asQuery()} gives the query parameters; Retrofit percent-encodes brackets, spaces, {@code %}
 * and {@code +} on the wire.
 */
public final class Filter {

    /** Sort direction. */
    public enum Direction { ASC, DESC }

    /** One sort key. */
    public record Sort(String field, Direction direction) {
        @Override
        public String toString() {
            return field + " " + direction;
        }
    }

    private final Integer limit;
    private final Integer skip;
    private final List<Sort> sorts;
    private final Map<String, String> where;
    private final Map<String, String> like;

    private Filter(Integer limit, Integer skip, List<Sort> sorts, Map<String, String> where, Map<String, String> like) {
        this.limit = limit;
        this.skip = skip;
        this.sorts = List.copyOf(sorts);
        this.where = Collections.unmodifiableMap(new LinkedHashMap<>(where));
        this.like = Collections.unmodifiableMap(new LinkedHashMap<>(like));
    }

    /** No conditions: the server's defaults. */
    public static Filter none() {
        return new Filter(null, null, List.of(), Map.of(), Map.of());
    }

    /** A page of {@code limit} rows after {@code skip} rows. */
    public static Filter page(int limit, long skip) {
        return none().limit(limit).skip(skip);
    }

    public Filter limit(int rows) {
        return new Filter(rows, skip, sorts, where, like);
    }

    public Filter skip(long rows) {
        if (rows > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("skip too large: " + rows);
        }
        return new Filter(limit, (int) rows, sorts, where, like);
    }

    /** Adds a sort key after those already given. */
    public Filter sort(String field, Direction direction) {
        List<Sort> more = new ArrayList<>(sorts);
        more.removeIf(s -> s.field().equals(field));
        more.add(new Sort(field, direction));
        return new Filter(limit, skip, more, where, like);
    }

    /** {@code filter[where][field]=value}: exact match; a null value removes the condition. */
    public Filter where(String field, String value) {
        Map<String, String> more = new LinkedHashMap<>(where);
        put(more, field, value);
        return new Filter(limit, skip, sorts, more, like);
    }

    /** {@code filter[where][field][like]=pattern}: case-insensitive, {@code %} is the wildcard. */
    public Filter like(String field, String pattern) {
        Map<String, String> more = new LinkedHashMap<>(like);
        put(more, field, pattern);
        return new Filter(limit, skip, sorts, where, more);
    }

    /** {@code like} for "contains": the text between wildcards. */
    public Filter contains(String field, String text) {
        return like(field, text == null || text.isEmpty() ? null : "%" + text + "%");
    }

    private static void put(Map<String, String> map, String field, String value) {
        if (value == null) {
            map.remove(field);
        } else {
            map.put(field, value);
        }
    }

    public Integer limit() {
        return limit;
    }

    public Integer skip() {
        return skip;
    }

    public List<Sort> sorts() {
        return sorts;
    }

    /** The query parameters, unencoded, in a stable order. */
    public Map<String, String> asQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        if (limit != null) {
            query.put("filter[limit]", Integer.toString(limit));
        }
        if (skip != null) {
            query.put("filter[skip]", Integer.toString(skip));
        }
        if (!sorts.isEmpty()) {
            query.put("filter[sort]", String.join(",", sorts.stream().map(Sort::toString).toList()));
        }
        where.forEach((field, value) -> query.put("filter[where][" + field + "]", value));
        like.forEach((field, value) -> query.put("filter[where][" + field + "][like]", value));
        return query;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Filter f && asQuery().equals(f.asQuery());
    }

    @Override
    public int hashCode() {
        return asQuery().hashCode();
    }

    @Override
    public String toString() {
        return asQuery().toString();
    }
}
