package com.sovera.console.policy;

import com.sovera.console.api.BaseUrl;
import java.util.Locale;

/**
 * How a policy names an environment: {@code embedded} (the sandbox inside the console), {@code sovera-sandbox},
 * or a base URL under the same rule as one an operator types ({@code https://}; {@code http://} only for this
 * computer), written in one normal form so that the same environment always compares equal.
 */
public final class EnvironmentRefs {

    public static final String EMBEDDED = "embedded";
    public static final String SOVERA_SANDBOX = "sovera-sandbox";

    private EnvironmentRefs() {
    }

    /**
     * Checks a reference from a policy file.
     *
     * @return its normal form
     * @throws IllegalArgumentException saying what to write instead
     */
    public static String check(String ref) {
        String trimmed = ref.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.equals(EMBEDDED) || lower.equals(SOVERA_SANDBOX)) {
            return lower;
        }
        if (!lower.contains("://")) {
            throw new IllegalArgumentException("'" + trimmed + "' is neither \"embedded\", \"sovera-sandbox\" nor a "
                    + "base URL such as https://sovx.example.com/sovx/v1");
        }
        return BaseUrl.check(trimmed);
    }

    /** The normal form of a reference, or the trimmed text when it is not valid (it then matches nothing). */
    public static String normalise(String ref) {
        try {
            return check(ref);
        } catch (IllegalArgumentException e) {
            return ref.trim();
        }
    }

    /** True for the two environments the console knows by name. */
    public static boolean isBuiltIn(String ref) {
        return EMBEDDED.equals(ref) || SOVERA_SANDBOX.equals(ref);
    }
}
