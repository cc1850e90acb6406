package com.sovera.console.api.model;

import java.util.List;

/**
 * One page of a list, with the server's {@code meta.pagination}. {@code total} counts every row matching the
 * filter, not just this page; it is null when the server gave no pagination. {@code totalEstimated}: the server
 * flagged the total as an estimate ({@code meta.pagination.total_estimated}, allowed for a {@code [like]} filter
 * only), to be shown as "about N"; false when it did not.
 */
public record Page<T>(List<T> rows, Long total, Integer limit, Integer skip, boolean totalEstimated) {

    public Page {
        rows = List.copyOf(rows);
    }

    /** A page whose total, if any, is exact. */
    public Page(List<T> rows, Long total, Integer limit, Integer skip) {
        this(rows, total, limit, skip, false);
    }
}
