package com.sovera.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.onboarding.Countries;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeAheadTest {

    @Test
    void anExactCountryCodeRanksFirst() {
        // "Australia" and "Belarus" contain "us"; the code US is what the operator meant
        assertThat(Countries.best("US")).contains("US  United States");
        assertThat(Countries.best("us")).contains("US  United States");
        assertThat(Countries.matches("US", 3).get(0)).isEqualTo("US  United States");
        assertThat(Countries.exact("us")).contains("US  United States");
        assertThat(Countries.best("GB")).contains("GB  United Kingdom");
    }

    @Test
    void codesStartingWithTheTextComeBeforeNamesStartingWithItThenTheRest() {
        List<String> m = Countries.matches("Ge", 100);
        // GE Georgia is an exact code (no other code starts with "ge"); then the names starting with "Ge"
        assertThat(m.subList(0, 2)).containsExactly("GE  Georgia", "DE  Germany");
        assertThat(m.indexOf("DE  Germany")).isLessThan(m.indexOf("NE  Niger")); // "Niger" only contains "ge"
        List<String> a = Countries.matches("a", 400);
        // codes starting with A (AU Australia), then names starting with A (DZ Algeria), then the rest (Brazil)
        assertThat(a.indexOf("AU  Australia")).isLessThan(a.indexOf("BR  Brazil"));
        assertThat(a.indexOf("DZ  Algeria")).isLessThan(a.indexOf("BR  Brazil"));
        assertThat(a.indexOf("AU  Australia")).isLessThan(a.indexOf("DZ  Algeria"));
    }

    @Test
    void theListsOwnLineIsAnExactMatchAndNothingMatchesNothing() {
        assertThat(Countries.exact("US  United States")).contains("US  United States");
        assertThat(Countries.exact("United")).isEmpty();
        assertThat(Countries.best("zzq")).isEmpty();
        assertThat(Countries.matches("zzq", 5)).isEmpty();
        assertThat(Countries.best("Germ")).contains("DE  Germany");
    }

    @Test
    void customerIdsRankTheSameWay() {
        TypeAhead<String> ids = new TypeAhead<>(List.of("acme-us", "us", "usb-corp", "bus-lines"), id -> id,
                id -> "");
        assertThat(ids.matches("us", 10)).containsExactly("us", "usb-corp", "acme-us", "bus-lines");
    }
}
