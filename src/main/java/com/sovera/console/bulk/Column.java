package com.sovera.console.bulk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The template's columns, in the template's order; a file may put them in any order. */
public enum Column {
    USER_TYPE("user_type"),
    EMAIL("email"),
    FIRST_NAME("first_name"),
    LAST_NAME("last_name"),
    PHONE("phone"),
    DATE_OF_BIRTH("date_of_birth"),
    COUNTRY("country"),
    WALLETS("wallets");

    private final String header;

    Column(String header) {
        this.header = header;
    }

    /** The name in the header line. */
    public String header() {
        return header;
    }

    /** The column of a header name, ignoring letter case and surrounding spaces. */
    public static Optional<Column> byHeader(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.header.equals(wanted)).findFirst();
    }

    /** The template's header line, comma-separated. */
    public static String headerLine() {
        return String.join(",", Arrays.stream(values()).map(Column::header).toList());
    }
}
