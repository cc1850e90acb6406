package com.sovera.console.api;

import com.sovera.console.api.TransportException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.ResponseBody;
import retrofit2.Response;

/** The one place where a failed call becomes a typed {@link SovxException} with an operator-readable message. */
final class Failures {

    private Failures() {
    }

    /** A non-2xx answer: the error envelope if there is one, else what the body was. */
    static SovxException fromErrorResponse(Response<?> response) {
        okhttp3.Response raw = response.raw();
        int status = raw.code();
        RateLimit rateLimit = rateLimit(raw.headers());
        String host = raw.request().url().host();
        Object json;
        // Retrofit has already buffered the error body in memory.
        try (ResponseBody body = response.errorBody()) {
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            if (bytes.length == 0) {
                return new ApiException(status, "HTTP_" + status, "the server gave no details", null, null, rateLimit);
            }
            json = EnvelopeConverterFactory.read(ResponseBody.create(bytes, body.contentType()));
        } catch (BodyProblem p) {
            if (status == 404 || status == 405) {
                // an answer about the endpoint, whatever its body: a server without an assumed endpoint often
                // answers it with its own HTML or text page, and the console must say "not offered"
                return new ApiException(status, "HTTP_" + status, (status == 404 ? "this server has no such"
                        + " endpoint" : "this server does not allow this method here") + " (its answer was "
                        + p.getMessage() + ")", null, null, rateLimit);
            }
            return fromBodyProblem(p, status, host);
        } catch (IOException e) {
            return fromIOException(e, raw.request().url());
        }
        return fromErrorJson(status, json, rateLimit);
    }

    static ApiException fromErrorJson(int status, Object json, RateLimit rateLimit) {
        String code = "HTTP_" + status;
        String message = "the server gave no details";
        String field = null;
        String traceId = null;
        if (json instanceof Map<?, ?> envelope) {
            if (envelope.get("errors") instanceof List<?> errors && !errors.isEmpty()
                    && errors.get(0) instanceof Map<?, ?> first) {
                code = text(first.get("code"), code);
                message = text(first.get("message"), message);
                field = text(first.get("field"), null);
            }
            if (envelope.get("meta") instanceof Map<?, ?> meta) {
                traceId = text(meta.get("trace_id"), null);
            }
        }
        return new ApiException(status, code, message, field, traceId, rateLimit);
    }

    private static String text(Object value, String fallback) {
        return value instanceof String s && !s.isBlank() ? s : fallback;
    }

    static TransportException fromBodyProblem(BodyProblem p, int status, String host) {
        String message = switch (p.kind()) {
            case NOT_JSON -> host + " answered HTTP " + status + " with " + p.getMessage()
                    + ": a proxy or gateway between the console and SovX is failing, or the base URL is not a SovX "
                    + "API. Try again in a minute; if it persists, check the base URL.";
            case TRUNCATED_BODY -> "The answer from " + host + " was cut off (" + p.getMessage()
                    + "). Try again; nothing was shown from the partial answer.";
            case MALFORMED_BODY -> host + " answered with broken JSON (" + p.getMessage()
                    + "). Is the base URL a SovX API?";
            default -> host + " answered with JSON of an unexpected shape (" + p.getMessage()
                    + "). Is the base URL a SovX API of version v1?";
        };
        return new TransportException(p.kind(), status, message, null);
    }

    /** No answer: name the kind of failure and the host, never the request. */
    static TransportException fromIOException(IOException e, HttpUrl url) {
        String host = url.host();
        String where = host + ":" + url.port();
        if (e instanceof MissingCredentialException missing) {
            return new TransportException(Kind.NO_CREDENTIAL, 0, missing.getMessage(), null);
        }
        if (e instanceof NotSentException notSent) {
            return new TransportException(Kind.NOT_SENT, 0, notSent.getMessage(), null);
        }
        if (e instanceof UnknownHostException) {
            return new TransportException(Kind.UNREACHABLE_HOST, 0, "Cannot find the host " + host
                    + ": check the base URL for typos and that this computer is online.", e);
        }
        if (e instanceof NoRouteToHostException) {
            return new TransportException(Kind.UNREACHABLE_HOST, 0, "No network route to " + host
                    + ": check this computer's network or VPN.", e);
        }
        if (e instanceof ConnectException) {
            return new TransportException(Kind.CONNECTION_REFUSED, 0, where + " refused the connection: the "
                    + "service is not running there, or a firewall blocks it. Check the base URL and port.", e);
        }
        if (e instanceof SocketTimeoutException) {
            boolean connect = String.valueOf(e.getMessage()).toLowerCase().contains("connect");
            return new TransportException(Kind.TIMEOUT, 0, connect
                    ? "Could not connect to " + where + " in time: the host may be down or unreachable from here."
                    : host + " did not answer in time. The service or the network is slow; try again.", e);
        }
        if (e instanceof SSLException) {
            return new TransportException(Kind.TLS, 0, "The secure connection to " + host + " failed: its "
                    + "certificate is not trusted by this computer, or TLS could not be agreed (" + e.getMessage()
                    + "). Check the base URL; the console never skips certificate checks.", e);
        }
        if (e instanceof ProtocolException && String.valueOf(e.getMessage()).contains("unexpected end of stream")) {
            return new TransportException(Kind.TRUNCATED_BODY, 0, "The answer from " + host + " was cut off "
                    + "before it was complete. Try again; nothing was shown from the partial answer.", e);
        }
        if (e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
            return new TransportException(Kind.TIMEOUT, 0, host + " did not answer in time. Try again.", e);
        }
        if (e instanceof InterruptedIOException || "Canceled".equalsIgnoreCase(e.getMessage())) {
            return cancelled(url, e);
        }
        String why = String.valueOf(e.getMessage()).startsWith("unexpected end of stream")
                ? "the server closed it" : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new TransportException(Kind.CONNECTION_LOST, 0, "The connection to " + host + " was lost before "
                + "the answer was complete (" + why + "). Try again.", e);
    }

    static TransportException cancelled(HttpUrl url, IOException e) {
        return new TransportException(Kind.CANCELLED, 0, "The request to " + url.host() + " was cancelled.", e);
    }

    /** The contract's rate-limit headers; any missing or unreadable part is null. */
    static RateLimit rateLimit(Headers headers) {
        Integer limit = integer(headers.get("X-RateLimit-Limit"));
        Integer remaining = integer(headers.get("X-RateLimit-Remaining"));
        Integer reset = integer(headers.get("X-RateLimit-Reset"));
        return new RateLimit(limit, remaining, reset == null ? null : Instant.ofEpochSecond(reset),
                retryAfter(headers.get("Retry-After"), Instant.now()));
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (java.time.format.DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
