package com.sovera.console.policy;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the text of a policy file strictly: one JSON object of known keys, each of its own type. Anything else is
 * a problem, and every problem found is reported at once so that an administrator fixes the file in one go.
 * Moshi reads the JSON (duplicate keys and trailing text are errors there too); the rules are here.
 */
final class PolicyParser {

    /** Longest idle sign-out a policy may set: a working day. */
    static final int MAX_IDLE_MINUTES = Policy.MAX_IDLE_MINUTES;

    private PolicyParser() {
    }

    /** The file's problems, each a sentence for the operator and the administrator. */
    static final class Invalid extends Exception {
        private final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }

    static Policy parse(String text) throws Invalid {
        Object root;
        try {
            root = new Moshi.Builder().build().adapter(Object.class).fromJson(text);
        } catch (JsonEncodingException | JsonDataException e) {
            throw new Invalid(List.of("it is not valid JSON (" + plain(e.getMessage()) + ")"));
        } catch (IOException e) {
            throw new Invalid(List.of("it is not valid JSON (" + plain(e.getMessage()) + ")"));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new Invalid(List.of("it must hold one JSON object, { ... }, not " + describe(root)));
        }
        List<String> problems = new ArrayList<>();
        Policy.Builder builder = Policy.builder();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Optional<Policy.Item> item = Policy.Item.byKey(key);
            if (item.isEmpty()) {
                problems.add("'" + key + "' is not a policy this console knows");
                continue;
            }
            read(item.get(), entry.getValue(), builder, problems);
        }
        Policy policy = builder.build();
        problems.addAll(contradictions(policy));
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return policy;
    }

    private static void read(Policy.Item item, Object value, Policy.Builder builder, List<String> problems) {
        String key = item.key();
        switch (item) {
            case ENVIRONMENTS -> environments(value, problems).ifPresent(builder::environments);
            case DEFAULT_ENVIRONMENT -> environment(key, value, problems).ifPresent(builder::defaultEnvironment);
            case CUSTOM_ENVIRONMENTS -> bool(key, value, problems).ifPresent(builder::customEnvironmentsAllowed);
            case EMBEDDED_SANDBOX -> bool(key, value, problems).ifPresent(builder::embeddedSandboxEnabled);
            case TRAINING_FAULTS -> bool(key, value, problems).ifPresent(builder::trainingFaultsEnabled);
            case KEYCHAIN -> bool(key, value, problems).ifPresent(builder::keychainAllowed);
            case MINIMUM_LOG_LEVEL -> logLevel(value, problems).ifPresent(builder::minimumLogLevel);
            case IDLE_SIGN_OUT -> minutes(value, problems).ifPresent(builder::idleSignOutMinutes);
            case AUDIT_DIRECTORY -> directory(value, problems).ifPresent(builder::auditDirectory);
            case WRITES -> bool(key, value, problems).ifPresent(builder::writesAllowed);
        }
    }

    private static Optional<List<String>> environments(Object value, List<String> problems) {
        if (!(value instanceof List<?> list)) {
            problems.add("'environments' must be a list of environments, not " + describe(value));
            return Optional.empty();
        }
        if (list.isEmpty()) {
            problems.add("'environments' is empty: list at least one environment");
            return Optional.empty();
        }
        List<String> refs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int before = problems.size();
        for (int i = 0; i < list.size(); i++) {
            environment("environments[" + i + "]", list.get(i), problems).ifPresent(ref -> {
                if (!seen.add(ref)) {
                    problems.add("'environments' lists " + ref + " twice");
                }
                refs.add(ref);
            });
        }
        return problems.size() == before ? Optional.of(refs) : Optional.empty();
    }

    private static Optional<String> environment(String where, Object value, List<String> problems) {
        if (!(value instanceof String text)) {
            problems.add("'" + where + "' must be a string (\"embedded\", \"sovera-sandbox\" or a base URL), not "
                    + describe(value));
            return Optional.empty();
        }
        try {
            return Optional.of(EnvironmentRefs.check(text));
        } catch (IllegalArgumentException e) {
            problems.add("'" + where + "': " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Boolean> bool(String key, Object value, List<String> problems) {
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        problems.add("'" + key + "' must be true or false (without quotes), not " + describe(value));
        return Optional.empty();
    }

    private static Optional<String> logLevel(Object value, List<String> problems) {
        if (value instanceof String text && Policy.LOG_LEVELS.contains(text.trim().toUpperCase(Locale.ROOT))) {
            return Optional.of(text.trim().toUpperCase(Locale.ROOT));
        }
        problems.add("'minimum_log_level' must be one of " + String.join(", ", Policy.LOG_LEVELS) + ", not "
                + describe(value));
        return Optional.empty();
    }

    private static Optional<Integer> minutes(Object value, List<String> problems) {
        if (value instanceof Double d && d == Math.rint(d) && d >= 1 && d <= MAX_IDLE_MINUTES) {
            return Optional.of(d.intValue());
        }
        problems.add("'idle_sign_out_minutes' must be a whole number of minutes from 1 to " + MAX_IDLE_MINUTES
                + ", not " + describe(value));
        return Optional.empty();
    }

    private static Optional<String> directory(Object value, List<String> problems) {
        if (value instanceof String text && Policy.isAbsolutePath(text.strip())) {
            return Optional.of(text.strip());
        }
        problems.add("'audit_directory' must be the absolute path of a directory (e.g. \"/srv/sovx-audit\"), not "
                + describe(value));
        return Optional.empty();
    }

    /** Items that are valid alone but cannot hold together. */
    private static List<String> contradictions(Policy policy) {
        List<String> found = new ArrayList<>();
        boolean embeddedOff = policy.embeddedSandboxEnabled().filter(on -> !on).isPresent();
        if (embeddedOff && policy.environments().filter(l -> l.contains(EnvironmentRefs.EMBEDDED)).isPresent()) {
            found.add("'environments' lists \"embedded\" while 'embedded_sandbox_enabled' is false");
        }
        if (embeddedOff && policy.defaultEnvironment().filter(EnvironmentRefs.EMBEDDED::equals).isPresent()) {
            found.add("'default_environment' is \"embedded\" while 'embedded_sandbox_enabled' is false");
        }
        policy.defaultEnvironment().ifPresent(d -> policy.environments().filter(l -> !l.contains(d))
                .ifPresent(l -> found.add("'default_environment' " + d + " is not in 'environments'")));
        return found;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "\"" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "\"";
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return String.valueOf(value);
    }

    private static String plain(String message) {
        // Moshi suggests a lenient mode to its programmer; the administrator needs only where the text breaks
        String text = message == null ? ""
                : message.replace("Use JsonReader.setLenient(true) to accept malformed JSON ", "");
        if (text.startsWith("End of input")) {
            return "it ends too early: a closing }, ] or quote is missing";
        }
        return text.startsWith("at path") || text.isBlank() ? "malformed " + text : text;
    }
}
