package com.sovera.console.api;

import java.net.InetAddress;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * The base-URL policy: {@code https://} always, {@code http://} only for a loopback host (the embedded sandbox).
 * Normalised to end in a slash so that Retrofit's relative paths land under {@code /sovx/v1/}.
 */
public final class BaseUrl {

    private BaseUrl() {
    }

    /**
     * Parses and checks a base URL typed by an operator.
     *
     * @throws IllegalArgumentException with a message that says what to type instead
     */
    public static HttpUrl parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Enter a base URL, such as https://api.sandbox.sovera.io/sovx/v1");
        }
        HttpUrl url = HttpUrl.parse(trimmed);
        if (url == null) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a URL: it must start with https:// "
                    + "and name a host, such as https://api.sandbox.sovera.io/sovx/v1");
        }
        if (url.querySize() > 0 || url.fragment() != null || !url.username().isEmpty() || !url.password().isEmpty()) {
            throw new IllegalArgumentException("A base URL has no query, fragment or user name: "
                    + url.scheme() + "://" + url.host() + url.encodedPath());
        }
        if (url.scheme().equals("http") && !isLoopback(url.host())) {
            throw new IllegalArgumentException("http:// is refused for " + url.host() + ": credentials would cross "
                    + "the network unencrypted. Use https:// (http:// is only allowed for this computer, 127.0.0.1).");
        }
        if (!url.encodedPath().endsWith("/")) {
            url = url.newBuilder().addPathSegment("").build();
        }
        return url;
    }

    /** The policy for callers that need no OkHttp type: the normalised URL as text, without the final slash. */
    public static String check(String text) {
        String url = parse(text).toString();
        return url.substring(0, url.length() - 1);
    }

    /** True for 127.0.0.0/8, ::1 and localhost: addresses that never leave this computer. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name other than localhost: never resolve it here
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
