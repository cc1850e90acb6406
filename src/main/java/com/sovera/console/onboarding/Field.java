package com.sovera.console.onboarding;

import com.sovera.console.api.model.Rules;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The wizard's typed inputs: the control's fx:id, the name the server gives the field in {@code errors[0].field},
 * the step it belongs to, and the contract's rule for it (null when the value is acceptable, else what is wanted).
 */
public enum Field {
    LOGIN_EMAIL("login_email", "email", Step.LOGIN, (v, today) -> Rules.email(v)),
    PASSWORD("password", "password", Step.LOGIN, (v, today) -> v == null || v.isEmpty() ? "Required." : null),
    CUSTOMER_EMAIL("customer_email", "email", Step.CUSTOMER, (v, today) -> Rules.email(v)),
    CUSTOMER_ID("customer_id", "customer_id", Step.CUSTOMER, (v, today) -> Rules.slug(v)),
    ENTITY_NAME("entity_name", "entity_name", Step.CUSTOMER, (v, today) -> Rules.name(v, 200)),
    USER_EMAIL("email", "email", Step.USER, (v, today) -> Rules.email(v)),
    FIRST_NAME("first_name", "first_name", Step.USER, (v, today) -> Rules.name(v, 100)),
    LAST_NAME("last_name", "last_name", Step.USER, (v, today) -> Rules.name(v, 100)),
    PHONE("phone", "phone", Step.USER, (v, today) -> Rules.phone(v)),
    DATE_OF_BIRTH("date_of_birth", "date_of_birth", Step.USER, Rules::dateOfBirth),
    COUNTRY("country", "country", Step.USER, (v, today) -> Rules.country(v)),
    WALLET_NAME("name", "name", Step.WALLET, (v, today) -> Rules.name(v, 64));

    private final String fxId;
    private final String serverName;
    private final Step step;
    private final BiFunction<String, LocalDate, String> rule;

    Field(String fxId, String serverName, Step step, BiFunction<String, LocalDate, String> rule) {
        this.fxId = fxId;
        this.serverName = serverName;
        this.step = step;
        this.rule = rule;
    }

    /** The id of the input on screen (and of its message, with "-message"). */
    public String fxId() {
        return fxId;
    }

    public String serverName() {
        return serverName;
    }

    public Step step() {
        return step;
    }

    /** What is wrong with the value as the contract's rules see it on {@code today}, or null. */
    public String check(String value, LocalDate today) {
        return rule.apply(value, today);
    }

    /** The fields of one step, in screen order. */
    public static List<Field> of(Step step) {
        return Arrays.stream(values()).filter(f -> f.step == step).toList();
    }

    /** The field a server's {@code errors[0].field} names on this step. */
    public static Optional<Field> named(Step step, String serverName) {
        return Arrays.stream(values()).filter(f -> f.step == step && f.serverName.equals(serverName)).findFirst();
    }
}
