package com.sovera.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterAndBaseUrlTest {

    @Test
    void aFilterListsEveryPartInAStableOrder() {
        Filter filter = Filter.page(50, 100)
                .sort("last_name", Filter.Direction.ASC)
                .sort("created_at", Filter.Direction.DESC)
                .where("status", "ACTIVE")
                .where("country", "DE")
                .contains("email", "smith");

        assertThat(filter.asQuery()).containsExactly(
                Map.entry("filter[limit]", "50"),
                Map.entry("filter[skip]", "100"),
                Map.entry("filter[sort]", "last_name ASC,created_at DESC"),
                Map.entry("filter[where][status]", "ACTIVE"),
                Map.entry("filter[where][country]", "DE"),
                Map.entry("filter[where][email][like]", "%smith%"));
    }

    @Test
    void aFilterIsImmutableAndNullRemovesACondition() {
        Filter base = Filter.none().where("status", "ACTIVE");
        Filter cleared = base.where("status", null).contains("email", "");
        assertThat(base.asQuery()).containsKey("filter[where][status]");
        assertThat(cleared.asQuery()).isEmpty();
        assertThat(base.sort("email", Filter.Direction.ASC).sort("email", Filter.Direction.DESC).sorts())
                .containsExactly(new Filter.Sort("email", Filter.Direction.DESC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.sandbox.sovera.io/sovx/v1", "https://api.sandbox.sovera.io/sovx/v1/",
        "http://127.0.0.1:8080/sovx/v1", "http://localhost:9/sovx/v1", "http://[::1]:8080/sovx/v1",
        "http://127.8.9.10/sovx/v1"})
    void allowedBaseUrlsEndInASlash(String url) {
        assertThat(BaseUrl.parse(url).toString()).endsWith("/sovx/v1/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.sandbox.sovera.io/sovx/v1", "http://10.0.0.5/sovx/v1",
        "http://localhost.example.com/sovx/v1"})
    void plainHttpIsRefusedForNetworkHosts(String url) {
        assertThatThrownBy(() -> BaseUrl.parse(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http:// is refused").hasMessageContaining("Use https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "api.sandbox.sovera.io", "ftp://x/sovx/v1", "https://user:pw@x.io/sovx/v1",
        "https://x.io/sovx/v1?debug=1"})
    void nonsenseIsRefusedWithAMessage(String url) {
        assertThatThrownBy(() -> BaseUrl.parse(url)).isInstanceOf(IllegalArgumentException.class)
                .message().isNotBlank().doesNotContain("pw");
    }
}
