package com.sovera.console.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of the trail as bytes, written and read in exactly one way (the canonical form): a JSON object on one
 * line, its members in a fixed order, null members left out, ending in {@code "prev"} (the previous entry's hash)
 * and {@code "hash"}:
 * <pre>{"seq":7,"time":"...","operator":"...",...,"trace_id":"...","prev":"&lt;64 hex&gt;","hash":"&lt;64 hex&gt;"}</pre>
 * {@code hash} is the SHA-256, in lower-case hex, of the previous hash's 64 hex characters followed by the line's
 * UTF-8 bytes up to (not including) {@code ,"hash":}. The first entry of a trail follows {@link #GENESIS}.
 */
final class AuditLine {

    /** The hash the first entry of a trail follows. */
    static final String GENESIS = "0".repeat(64);

    private static final Pattern ENTRY = Pattern.compile(
            "^\\{\"seq\":(\\d{1,18}),\"time\":\"([^\"]{1,40})\",.*,\"prev\":\"([0-9a-f]{64})\"\\}$");
    private static final String HASH_MEMBER = ",\"hash\":\"";
    private static final int HASH_TAIL = HASH_MEMBER.length() + 64 + 2; // ,"hash":"<64>"}
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    /** A whole entry as read: its number, time, the hash it follows and its own. */
    record Entry(long seq, Instant time, String prev, String hash, boolean hashMatches) {
    }

    private AuditLine() {
    }

    /** The canonical line of {@code event} (without its newline). */
    static String format(long seq, Instant time, AuditEvent event, String prev) {
        StringBuilder b = new StringBuilder(256).append("{\"seq\":").append(seq);
        member(b, "time", TIME.format(time));
        member(b, "operator", event.operator());
        member(b, "environment", event.environment());
        member(b, "base_url", event.baseUrl());
        member(b, "action", event.action());
        b.append(",\"objects\":{");
        boolean first = true;
        for (Map.Entry<String, String> o : event.objects().entrySet()) {
            if (o.getValue() != null) {
                if (!first) {
                    b.append(',');
                }
                string(b, o.getKey()).append(':');
                string(b, o.getValue());
                first = false;
            }
        }
        b.append('}');
        member(b, "outcome", event.outcome().word());
        member(b, "code", event.code());
        member(b, "trace_id", event.traceId());
        member(b, "prev", prev);
        String body = b.toString();
        return body + HASH_MEMBER + hash(prev, body.getBytes(StandardCharsets.UTF_8)) + "\"}";
    }

    /**
     * Reads a line (its bytes as ISO-8859-1 characters, one per byte, so the hash covers exactly the bytes in the
     * file); null when it is not a whole entry.
     */
    static Entry read(String latin1) {
        if (latin1.length() <= HASH_TAIL || !latin1.startsWith(HASH_MEMBER, latin1.length() - HASH_TAIL)) {
            return null;
        }
        String body = latin1.substring(0, latin1.length() - HASH_TAIL);
        String hash = latin1.substring(latin1.length() - HASH_TAIL + HASH_MEMBER.length(), latin1.length() - 2);
        Matcher m = ENTRY.matcher(body + "}");
        if (!latin1.endsWith("\"}") || !isHex(hash) || !m.matches()) {
            return null;
        }
        Instant time;
        try {
            time = Instant.parse(m.group(2));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
        String prev = m.group(3);
        boolean matches = hash(prev, body.getBytes(StandardCharsets.ISO_8859_1)).equals(hash);
        return new Entry(Long.parseLong(m.group(1)), time, prev, hash, matches);
    }

    /** Whether a line that is not a whole entry looks like the beginning of one, cut off by a crash. */
    static boolean isCutOffEntry(String latin1) {
        return latin1.startsWith("{\"seq\":") && read(latin1) == null;
    }

    static String hash(String prev, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prev.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static boolean isHex(String s) {
        return s.length() == 64 && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    private static void member(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append(",\"").append(name).append("\":");
            string(b, value);
        }
    }

    /** A JSON string: quotes, backslashes and control characters escaped, so an entry stays on one line. */
    private static StringBuilder string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }
}
