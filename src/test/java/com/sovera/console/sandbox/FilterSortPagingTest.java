package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.Page;
import com.sovera.console.api.model.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A filter read in another field's order from its own index (migration V6) gives the same rows, in the same order,
 * as the whole filtered set sorted by that field with creation order breaking ties: every page, forwards and from
 * the end (past the middle), the last page short, ties (statuses, names) in stable order.
 */
class FilterSortPagingTest {

    private static final Map<String, Function<User, String>> SORTS = Map.of(
            "created_at", u -> u.createdAt().toString(),
            "email", u -> u.email().toLowerCase(Locale.ROOT),
            "last_name", User::lastName,
            "status", u -> u.status().canonical());

    @Test
    void everyFilterInEverySortPagesLikeTheSortedSet() {
        try (Sandbox sandbox = Sandbox.inMemory(600); SovxClient client = sandbox.client()) {
            client.credentials().useOwnerKey(sandbox.server.demo().ownerKey());
            List<User> everyone = all(client, Map.of());
            assertThat(everyone).hasSize(600);
            User someone = everyone.get(17);
            Map<String, String> filters = Map.of("status", "PENDING", "user_type", "business", "country",
                    someone.country(), "first_name", someone.firstName(), "last_name", someone.lastName());
            filters.forEach((field, value) -> {
                List<User> matching = all(client, Map.of("filter[where][" + field + "]", value));
                assertThat(matching).as(field).hasSizeGreaterThan(10);
                SORTS.forEach((sort, key) -> {
                    for (String dir : List.of("ASC", "DESC")) {
                        // demo users are created in the order they are stored: creation order is the tie-breaker
                        Comparator<User> order = Comparator.comparing(key).thenComparing(User::createdAt);
                        List<User> expected = new ArrayList<>(matching);
                        expected.sort(dir.equals("ASC") ? order : order.reversed());
                        List<User> paged = new ArrayList<>();
                        for (int skip = 0; skip < expected.size(); skip += 11) {
                            Page<User> page = client.api().listUsers(Map.of("filter[where][" + field + "]", value,
                                    "filter[sort]", sort + " " + dir, "filter[limit]", "11",
                                    "filter[skip]", Integer.toString(skip))).execute();
                            assertThat(page.total()).isEqualTo(expected.size());
                            paged.addAll(page.rows());
                        }
                        assertThat(paged).as(field + " sorted by " + sort + " " + dir)
                                .extracting(User::userId).containsExactlyElementsOf(
                                        expected.stream().map(User::userId).toList());
                    }
                });
            });
        }
    }

    private static List<User> all(SovxClient client, Map<String, String> filter) {
        List<User> out = new ArrayList<>();
        for (int skip = 0; ; skip += 100) {
            Map<String, String> query = new java.util.HashMap<>(filter);
            query.put("filter[limit]", "100");
            query.put("filter[skip]", Integer.toString(skip));
            List<User> rows = client.api().listUsers(query).execute().rows();
            out.addAll(rows);
            if (rows.size() < 100) {
                return out;
            }
        }
    }
}
