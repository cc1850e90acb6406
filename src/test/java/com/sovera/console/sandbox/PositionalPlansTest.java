package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.Filter;
import com.sovera.console.lookup.PagedViewModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every sort of the four big lists, both ways, and every filter with each sort its spec pairs with an index, is
 * counted and paged by position in that index, as the migrations make it: an index missing or shaped otherwise (a
 * migration, an H2 upgrade that changes what {@link PositionalPage} reads) would send it back to {@code OFFSET} and
 * {@code COUNT(*)} quietly, correct but slow at a million rows.
 */
class PositionalPlansTest {

    private static final Map<String, ListQuery.Spec> LISTS = Map.of("users", Users.LIST, "wallets", Wallets.LIST,
            "addresses", Addresses.LIST, "transactions", Transactions.LIST);
    /** A value each filter accepts (the lists check their values' shape). */
    private static final Map<String, String> VALUES = Map.ofEntries(Map.entry("status", "ACTIVE"),
            Map.entry("user_type", "business"), Map.entry("country", "FR"), Map.entry("first_name", "Ada"),
            Map.entry("last_name", "Lovelace"), Map.entry("currency", "BTC"), Map.entry("name", "Savings"),
            Map.entry("network", "bitcoin-testnet"));

    @Test
    void everySortAndEveryPairedFilterIsReadByPosition() throws SQLException {
        Database db = Database.open(null);
        List<String> notByPosition = new ArrayList<>();
        int asked = 0;
        try (Connection c = db.connection()) {
            for (Map.Entry<String, ListQuery.Spec> list : LISTS.entrySet()) {
                ListQuery.Spec spec = list.getValue();
                List<Map<String, String>> questions = new ArrayList<>();
                for (String sort : spec.sort().keySet()) {
                    questions.add(Map.of("filter[sort]", sort));
                }
                for (String pair : spec.pairs().keySet()) {
                    String field = pair.substring(0, pair.indexOf('/'));
                    String sort = pair.substring(pair.indexOf('/') + 1);
                    questions.add(field.isEmpty() ? Map.of("filter[sort]", sort)
                            : Map.of("filter[where][" + field + "]", VALUES.getOrDefault(field, "x"), "filter[sort]",
                            sort));
                }
                for (Map<String, String> question : questions) {
                    for (String direction : List.of(" ASC", " DESC")) {
                        Map<String, String> q = new LinkedHashMap<>(question);
                        q.put("filter[sort]", String.join(",", java.util.Arrays.stream(q.get("filter[sort]")
                                .split(",")).map(key -> key + direction).toList()));
                        asked++;
                        if (ListQuery.parse(spec, q).countByPosition(c, 1) == null) {
                            notByPosition.add(list.getKey() + " " + q);
                        }
                    }
                }
            }
        } finally {
            db.close();
        }
        assertThat(notByPosition).as("lists counted by COUNT(*), not by position").isEmpty();
        assertThat(asked).isGreaterThan(60);
    }

    /**
     * A value pasted (an e-mail, a user's wallets, an address, a hash) in any order the console asks reads the
     * matches through the filter's own index: left to H2, a user's wallets in creation order walked the whole
     * creation index (3 s at a million).
     */
    @Test
    void aValuePastedIsReadThroughItsOwnIndexInEveryOrder() {
        Map<String, List<String>> pasted = Map.of("users", List.of("email"), "wallets", List.of("user_id"),
                "addresses", List.of("address", "wallet_id"), "transactions", List.of("tx_hash", "address",
                        "wallet_id"));
        Map<String, List<String>> sorts = Map.of("users", List.of("created_at", "email", "last_name", "status"),
                "wallets", List.of("created_at", "name", "currency"), "addresses", List.of("created_at"),
                "transactions", List.of("created_at", "amount"));
        List<String> elsewhere = new ArrayList<>();
        pasted.forEach((list, fields) -> {
            ListQuery.Spec spec = LISTS.get(list);
            for (String field : fields) {
                for (String sort : sorts.get(list)) {
                    for (Filter.Direction direction : Filter.Direction.values()) {
                        Map<String, String> q = new PagedViewModel.Query(Filter.none().where(field, "x"),
                                List.of(new Filter.Sort(sort, direction)), "created_at").page(20, 0).asQuery();
                        String index = ListQuery.parse(spec, q).plan().index();
                        if (index == null || !spec.where().get(field).index().equals(index)
                                && !spec.pairs().containsValue(index)) {
                            elsewhere.add(list + " " + q + " read " + index);
                        }
                    }
                }
            }
        });
        assertThat(elsewhere).isEmpty();
    }

    /**
     * What the console's Users, Wallets and Transactions screens ask, as they ask it: each sortable column both
     * ways, alone and with each of the screen's filters, and the console's tie-breaker after it (created_at the
     * same way, {@link PagedViewModel.Query#page}). Each is counted and paged by position, not sorted at a million.
     */
    @Test
    void everyOrderTheConsolesScreensAskIsReadByPosition() throws SQLException {
        Map<String, List<String>> sorts = Map.of("users", List.of("created_at", "email", "last_name", "status"),
                "wallets", List.of("created_at", "name", "currency"), "transactions", List.of("created_at", "amount"));
        Map<String, List<String>> filters = Map.of("users", List.of("status", "user_type", "country"),
                "wallets", List.of("currency", "status"), "transactions", List.of("currency", "status"));
        Database db = Database.open(null);
        List<String> notByPosition = new ArrayList<>();
        int asked = 0;
        try (Connection c = db.connection()) {
            for (String list : sorts.keySet()) {
                List<String> conditions = new ArrayList<>(filters.get(list));
                conditions.add(null);
                for (String filter : conditions) {
                    for (String sort : sorts.get(list)) {
                        for (Filter.Direction direction : Filter.Direction.values()) {
                            Filter where = filter == null ? Filter.none() : Filter.none().where(filter,
                                    VALUES.get(filter));
                            Map<String, String> q = new PagedViewModel.Query(where,
                                    List.of(new Filter.Sort(sort, direction)), "created_at").page(20, 0).asQuery();
                            asked++;
                            if (ListQuery.parse(LISTS.get(list), q).countByPosition(c, 1) == null) {
                                notByPosition.add(list + " " + q);
                            }
                        }
                    }
                }
            }
        } finally {
            db.close();
        }
        assertThat(notByPosition).as("the console's lists counted by COUNT(*), not by position").isEmpty();
        assertThat(asked).isEqualTo(2 * (4 * 4 + 3 * 3 + 2 * 3));
    }
}
