package com.sovera.console.api.model;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.ToJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The one Moshi of the project, with the contract's scalar types: ISO instants, decimal strings, statuses. */
public final class Json {

    /** ISO 8601 UTC with milliseconds, as the contract writes {@code 2026-03-12T00:00:00.000Z}. */
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final Moshi MOSHI = new Moshi.Builder().add(new Adapters()).build();

    private Json() {
    }

    public static Moshi moshi() {
        return MOSHI;
    }

    /** Moshi adapters for the contract's scalars. */
    public static final class Adapters {

        @ToJson
        String instantToJson(Instant instant) {
            return TIMESTAMP.format(instant);
        }

        @FromJson
        Instant instantFromJson(String text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new JsonDataException("not an ISO 8601 timestamp: " + text);
            }
        }

        @ToJson
        String decimalToJson(BigDecimal value) {
            return value.toPlainString();
        }

        @FromJson
        BigDecimal decimalFromJson(String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw new JsonDataException("not a decimal number: " + text);
            }
        }

        @ToJson
        String statusToJson(Status status) {
            return status.value();
        }

        @FromJson
        Status statusFromJson(String text) {
            return Status.of(text);
        }
    }
}
