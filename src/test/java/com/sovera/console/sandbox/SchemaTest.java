package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The indexes that keep a million-user list fast, and the query plans that use them. */
class SchemaTest {

    private static Set<String> userIndexes(Database db) throws Exception {
        Set<String> names = new TreeSet<>();
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'USERS'"
                        + " AND INDEX_TYPE_NAME <> 'PRIMARY KEY' AND INDEX_NAME LIKE 'USERS_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1).toLowerCase());
            }
        }
        return names;
    }

    @Test
    void bulkSeedingRestoresExactlyTheSchemasIndexes() throws Exception {
        Set<String> declared = new TreeSet<>();
        DemoIndexes.USER_INDEXES.forEach(ddl -> declared.add(ddl.replaceFirst("CREATE (UNIQUE )?INDEX (\\w+) .*", "$2")));
        try (Database fresh = Database.open(null)) {
            assertThat(userIndexes(fresh)).isEqualTo(declared);
        }
        try (Database seeded = Database.open(null)) {
            DemoData.ensure(seeded, 2_000, System.currentTimeMillis(), "owner-key", 1_000); // a bulk seed
            assertThat(userIndexes(seeded)).isEqualTo(declared);
            try (Connection c = seeded.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM users")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2_000);
            }
        }
    }

    @Test
    void everyIndexAListNamesExists() throws Exception {
        Set<String> existing = new TreeSet<>();
        try (Database db = Database.open(null); Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES")) {
            while (rs.next()) {
                existing.add(rs.getString(1).toLowerCase());
            }
        }
        for (ListQuery.Spec spec : new ListQuery.Spec[] {Users.LIST, Wallets.LIST, Addresses.LIST, Transactions.LIST}) {
            assertThat(existing).as(spec.table()).containsAll(spec.pairs().values());
            spec.sort().values().forEach(k -> assertThat(existing).contains(k.index()));
            spec.where().values().forEach(f -> assertThat(existing).contains(f.index()));
        }
    }

    @Test
    void listsReadAnIndexInOrderInsteadOfSorting() {
        ListPlan byDefault = ListQuery.parse(Users.LIST, Map.of()).plan();
        assertThat(byDefault.orderBy()).isEqualTo("customer_pk ASC, created_at ASC, pk ASC");
        assertThat(byDefault.index()).isEqualTo("users_created");
        assertThat(byDefault.reversed()).as("the last pages read the index from its end")
                .isEqualTo("customer_pk DESC, created_at DESC, pk DESC");

        ListPlan byEmail = ListQuery.parse(Users.LIST, Map.of("filter[sort]", "email DESC")).plan();
        assertThat(byEmail.orderBy()).isEqualTo("customer_pk DESC, email_key DESC");
        assertThat(byEmail.index()).isEqualTo("users_email");
        assertThat(byEmail.reversed()).isEqualTo("customer_pk ASC, email_key ASC");

        ListPlan oneFilter = ListQuery.parse(Users.LIST, Map.of("filter[where][status]", "PENDING")).plan();
        assertThat(oneFilter.orderBy()).isEqualTo("customer_pk ASC, status ASC, created_at ASC, pk ASC");
        assertThat(oneFilter.index()).isEqualTo("users_status");

        // what the console sends: a filter in creation order, newest first: the filter's index, read backwards
        ListPlan consoleFilter = ListQuery.parse(Users.LIST, Map.of("filter[where][country]", "DE",
                "filter[sort]", "created_at DESC")).plan();
        assertThat(consoleFilter.orderBy()).isEqualTo("customer_pk DESC, country DESC, created_at DESC, pk DESC");
        assertThat(consoleFilter.index()).isEqualTo("users_country");

        ListPlan mixed = ListQuery.parse(Users.LIST, Map.of("filter[where][status]", "PENDING",
                "filter[sort]", "last_name ASC")).plan();
        assertThat(mixed.index()).as("a filter with many matches has an index per sort").isEqualTo("users_status_last");
        assertThat(mixed.orderBy()).isEqualTo("customer_pk ASC, status ASC, last_name ASC, pk ASC");

        ListPlan byStatus = ListQuery.parse(Users.LIST, Map.of("filter[sort]", "status DESC")).plan();
        assertThat(byStatus.orderBy()).isEqualTo("customer_pk DESC, status DESC, pk DESC");
        assertThat(byStatus.index()).as("the sort's index ends with its tie-breaker").isEqualTo("users_status_sort");

        ListPlan statusByEmail = ListQuery.parse(Users.LIST, Map.of("filter[where][status]", "ACTIVE",
                "filter[sort]", "email DESC")).plan();
        assertThat(statusByEmail.orderBy()).isEqualTo("customer_pk DESC, status DESC, email_key DESC");
        assertThat(statusByEmail.index()).isEqualTo("users_status_email");

        ListPlan contains = ListQuery.parse(Users.LIST, Map.of("filter[where][last_name][like]", "%ova%",
                "filter[sort]", "created_at DESC")).plan();
        assertThat(contains.index()).as("a pattern no index narrows reads the order's index").isEqualTo("users_created");
        ListPlan startsWith = ListQuery.parse(Users.LIST, Map.of("filter[where][email][like]", "ada%")).plan();
        assertThat(startsWith.index()).as("a prefix is the planner's: the e-mail index narrows it").isNull();

        ListPlan two = ListQuery.parse(Users.LIST, Map.of("filter[where][status]", "ACTIVE",
                "filter[where][country]", "DE", "filter[sort]", "email")).plan();
        assertThat(two.index()).as("the planner chooses when no single index serves").isNull();
    }
}
