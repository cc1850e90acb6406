package com.sovera.console.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The field rules the console checks as the operator types, and the sandbox applies to every request. */
class RulesTest {

    private static final String BOLD_T = "\uD835\uDC2D"; // U+1D42D, one character, two UTF-16 units

    @Test
    void emailAddressesAMailSystemAccepts() {
        for (String ok : new String[] {"a@b.co", "john.doe@example.com", "Zoë@Example.com", "ünï@bücher.de",
            "o'brien+tag@mail.example.org", "\"john doe\"@example.com", "\"a@b\"@example.com", "x@[192.0.2.1]",
            "x@[IPv6:2001:db8::1]", "a!#$%&'*+/=?^_`{|}~-z@example.io", "u@xn--bcher-kva.example", "a@b-c.d-e.fr"}) {
            assertThat(Rules.email(ok)).as(ok).isNull();
        }
        for (String bad : new String[] {"l@&;\u008a\u00b8F\u00c2.x", "x@y.z*", "a@b.c", "a@b", "a@@b.co", "@b.co",
            "a@.b.co", "a@b..co", ".a@b.co", "a.@b.co", "a..b@c.co", "a b@c.co", "a@b_c.co", "a@-b.co", "a@b-.co",
            "a@1.2.3.4", "a@[300.1.1.1]", "a@[IPv6:zz::1]", "a\u0000@b.co", "a\u202e@b.co", "a@b.co\u2028",
            "\"a\u0007\"@b.co", "a@" + "b".repeat(64) + ".co", "a".repeat(65) + "@b.co",
            "a@" + ("b".repeat(60) + ".").repeat(5) + "fr"}) {
            assertThat(Rules.email(bad)).as(bad).isNotNull();
        }
    }

    @Test
    void lengthsAreCountedInCharactersNotUtf16Units() {
        assertThat(Rules.name(BOLD_T.repeat(64), 64)).isNull();
        assertThat(Rules.name(BOLD_T.repeat(65), 64)).isNotNull();
        assertThat(Rules.email("é".repeat(64) + "@b.co")).as("64 characters").isNull();
        assertThat(Rules.email("é".repeat(65) + "@b.co")).as("65 characters").isNotNull();
        assertThat(Rules.email(BOLD_T + "@b.co")).as("e-mail addresses stay in the Basic Multilingual Plane")
                .isNotNull();
    }

    @Test
    void namesRefuseControlsSeparatorsAndDirectionOverridesButKeepJoiners() {
        assertThat(Rules.name("\u0645\u06cc\u200c\u0631\u0632\u0627", 100)).as("Persian with ZWNJ").isNull();
        assertThat(Rules.name("Team \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", 100)).as("ZWJ emoji").isNull();
        for (String bad : new String[] {"a\u0007b", "a\u0085b", "a\u009fb", "a\u202eb", "a\u2066b", "a\u2028b",
            "a\ufeffb", "line\nbreak"}) {
            assertThat(Rules.name(bad, 100)).as(bad).isNotNull();
        }
        assertThat(Rules.name("\u00a0\u3000", 100)).as("white space only").isNotNull();
    }

    @Test
    void datesOfBirthFrom1900ToYesterday() {
        LocalDate today = LocalDate.of(2026, 3, 12);
        assertThat(Rules.dateOfBirth("1900-01-01", today)).isNull();
        assertThat(Rules.dateOfBirth("2026-03-11", today)).isNull();
        assertThat(Rules.dateOfBirth("1899-12-31", today)).isNotNull();
        assertThat(Rules.dateOfBirth("2026-03-12", today)).isNotNull();
        assertThat(Rules.dateOfBirth("1990-02-30", today)).isNotNull();
    }
}
