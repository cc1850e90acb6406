package com.sovera.console.api.model;

import java.util.List;

/**
 * One page of a list, with the server's {@code meta.pagination}. {@code total} counts every row matching the
 * filter, not just this page; it is null when the server gave no pagination.
 */
public record Page<T>(List<T> rows, Long total, Integer limit, Integer skip) {

    public Page {
        rows = List.copyOf(rows);
    }
}
