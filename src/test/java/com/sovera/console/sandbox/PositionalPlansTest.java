package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

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
                    questions.add(Map.of("filter[where][" + field + "]", VALUES.getOrDefault(field, "x"),
                            "filter[sort]", pair.substring(pair.indexOf('/') + 1)));
                }
                for (Map<String, String> question : questions) {
                    for (String direction : List.of(" ASC", " DESC")) {
                        Map<String, String> q = new LinkedHashMap<>(question);
                        q.put("filter[sort]", q.get("filter[sort]") + direction);
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
}
