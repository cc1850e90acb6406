package com.sovera.console.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text bound for a log: credential headers, the JSON fields that carry secrets, and every
 * secret value this console has seen (so a secret echoed anywhere is still caught).
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "██";

    private static final Pattern HEADER = Pattern.compile(
            "(?im)^((?:authorization|x-api-key|proxy-authorization|cookie|set-cookie)\\s*:\\s*).+$");
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(\"(?:password|customer_secret|token|secret|api_key)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            Pattern.CASE_INSENSITIVE);
    private static final int SHORTEST_SECRET = 6;

    private static final Redactor PROCESS = new Redactor();

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /**
     * The redactor every client of this process remembers its secrets in, and every log line passes through
     * (see {@link RedactingMessageConverter}).
     */
    public static Redactor forProcess() {
        return PROCESS;
    }

    /** Adds a value to scrub wherever it appears, such as a password just typed or a key just minted. */
    public void remember(String secret) {
        if (secret != null && secret.length() >= SHORTEST_SECRET) {
            known.add(secret);
        }
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = HEADER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = JSON_FIELD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
        for (String secret : known) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }
}
