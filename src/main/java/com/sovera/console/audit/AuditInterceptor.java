package com.sovera.console.audit;

import com.sovera.console.api.NotSentException;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records in the {@link AuditTrail} every write the API client sends, with its outcome: 201 created (reused when
 * the server says {@code Idempotent-Replayed}), 200 on a create reused, other 2xx succeeded, 4xx refused with
 * {@code errors[0].code}, 5xx or no answer unknown (the write may have been made). A write the trail cannot
 * record is refused before it goes out ({@link Refused}, a {@link NotSentException}); a sign-in or sign-out is
 * recorded when it can be but never held back, so lookups keep working. What it reads of a body is an id: never a
 * secret, a password or a token (a minted owner key is named by {@code key_id} and {@code last_four}).
 * <p>
 * Wiring is one line on the client's builder:
 * {@code SovxClient.builder(url).audit(AuditInterceptor.forConsole(trail, environmentId, url, session::email))}.
 */
public final class AuditInterceptor implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(AuditInterceptor.class);
    private static final long PEEK = 64 * 1024;
    private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);
    /** The members of an answer's data (or a request's body) that name objects: ids only, never a secret. */
    private static final List<String> IDS = List.of("customer_id", "key_id", "user_id", "wallet_id", "address_id",
            "address", "deposit_id");

    /** The trail cannot record this write, so it was not sent: the message says why. */
    public static final class Refused extends NotSentException {
        Refused(AuditUnavailableException why) {
            super(why.getMessage(), why);
        }
    }

    /** A write this interceptor knows: its action and the ids its path names. */
    private record Write(String action, Map<String, String> objects, boolean creates, boolean mayWaitForTrail) {
    }

    private final AuditTrail trail;
    private final String environment;
    private final String baseUrl;
    private final Supplier<String> operator;
    /** How many path segments the base URL has ({@code sovx/v1}): a write's path is read after them. */
    private final int baseSegments;
    /** Whether {@code auth/logout} is recorded here (false where the console records its sign-outs itself). */
    private final boolean signOutOnWire;

    private AuditInterceptor(AuditTrail trail, String environment, String baseUrl, Supplier<String> operator,
                             boolean signOutOnWire) {
        this.signOutOnWire = signOutOnWire;
        this.trail = Objects.requireNonNull(trail);
        this.environment = Objects.requireNonNull(environment);
        this.baseUrl = Objects.requireNonNull(baseUrl);
        this.operator = Objects.requireNonNull(operator);
        this.baseSegments = (int) okhttp3.HttpUrl.get(baseUrl).pathSegments().stream().filter(s -> !s.isEmpty())
                .count();
    }

    /**
     * For the console's client of one environment: {@code operator} gives the signed-in account's e-mail (null
     * before a sign-in; a sign-in names the e-mail it tries).
     */
    public static AuditInterceptor forConsole(AuditTrail trail, String environmentId, String baseUrl,
                                              Supplier<String> operator) {
        return new AuditInterceptor(trail, environmentId, baseUrl, operator, true);
    }

    /**
     * As {@link #forConsole}, for the console's session ({@link ConsoleAudit}): a sign-out is recorded by the
     * console when it happens (it says how), not when the server is told afterwards.
     */
    static AuditInterceptor forConsoleSession(AuditTrail trail, String environmentId, String baseUrl,
                                              Supplier<String> operator) {
        return new AuditInterceptor(trail, environmentId, baseUrl, operator, false);
    }

    /** For {@code --import}: the command names itself and the customer it writes for. */
    public static AuditInterceptor forImport(AuditTrail trail, String environmentId, String baseUrl,
                                             String customerId) {
        String who = AuditTrail.importOperator(customerId);
        return new AuditInterceptor(trail, environmentId, baseUrl, () -> who, true);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Write write = classify(request);
        if (write == null) {
            return chain.proceed(request);
        }
        String who = write.action().equals("session.sign_in") ? loginEmail(request) : operator.get();
        if (!write.mayWaitForTrail()) {
            try {
                trail.before();
            } catch (AuditUnavailableException e) {
                throw new Refused(e);
            }
        }
        Map<String, String> objects = new LinkedHashMap<>(write.objects());
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException | RuntimeException e) {
            record(new AuditEvent(who, environment, baseUrl, write.action(), objects, Outcome.UNKNOWN, null, null));
            throw e;
        }
        Map<?, ?> envelope = envelope(response);
        Object data = envelope == null ? null : envelope.get("data");
        if (response.isSuccessful() && data instanceof Map<?, ?> fields) {
            for (String id : IDS) {
                if (fields.get(id) instanceof String value && !objects.containsKey(id)) {
                    objects.put(id, value);
                }
            }
            if (fields.get("customer_secret") instanceof String secret && secret.length() >= 8) {
                objects.put("last_four", secret.substring(secret.length() - 4)); // the key's name, never the key
            } else if (fields.get("last_four") instanceof String lastFour) {
                objects.put("last_four", lastFour);
            }
        }
        record(new AuditEvent(who, environment, baseUrl, write.action(), objects, outcome(write, response),
                response.isSuccessful() ? null : code(response.code(), envelope), traceId(response, envelope)));
        return response;
    }

    private void record(AuditEvent event) {
        try {
            trail.record(event);
        } catch (AuditUnavailableException e) {
            // the call has happened: its answer goes back, and the next write is refused by before()
            LOG.error("audit: {} ({}) could not be recorded: {}", event.action(), event.outcome().word(),
                    e.getMessage());
        }
    }

    private static Outcome outcome(Write write, Response response) {
        int status = response.code();
        if (status >= 500) {
            return Outcome.UNKNOWN;
        }
        if (status >= 300) {
            return Outcome.REFUSED;
        }
        if (!write.creates()) {
            return Outcome.SUCCEEDED;
        }
        return status == 201 && !"true".equalsIgnoreCase(response.header("Idempotent-Replayed"))
                ? Outcome.CREATED : Outcome.REUSED;
    }

    /** The write a request makes, or null for a read. Paths are relative to the base URL's {@code /sovx/v1}. */
    private Write classify(Request request) {
        List<String> all = request.url().pathSegments();
        List<String> p = all.subList(Math.min(baseSegments, all.size()), all.size());
        String method = request.method();
        int n = p.size();
        if (method.equals("POST")) {
            if (n == 2 && p.get(0).equals("auth") && p.get(1).equals("login")) {
                return new Write("session.sign_in", Map.of(), false, true);
            }
            if (n == 2 && p.get(0).equals("auth") && p.get(1).equals("logout") && signOutOnWire) {
                return new Write("session.sign_out", Map.of(), false, true);
            }
            if (n == 1 && p.get(0).equals("customers")) {
                return new Write("customer.create", idsInBody(request, "customer_id"), true, false);
            }
            if (n == 3 && p.get(0).equals("customers") && p.get(2).equals("credentials")) {
                return new Write("owner_key.mint", Map.of("customer_id", p.get(1)), true, false);
            }
            if (n == 5 && p.get(0).equals("customers") && p.get(2).equals("users") && p.get(4).equals("token")) {
                return new Write("user_token.create", ordered("customer_id", p.get(1), "user_id", p.get(3)), true,
                        false);
            }
            if (n == 1 && p.get(0).equals("users")) {
                return new Write("user.create", Map.of(), true, false);
            }
            if (n == 3 && p.get(0).equals("users") && p.get(2).equals("wallets")) {
                return new Write("wallet.create", Map.of("user_id", p.get(1)), true, false);
            }
            if (n == 3 && p.get(0).equals("wallets") && p.get(2).equals("address")) {
                return new Write("address.create", Map.of("wallet_id", p.get(1)), true, false);
            }
            if (n == 2 && p.get(0).equals("sandbox") && p.get(1).equals("deposits")) {
                return new Write("deposit.simulate", idsInBody(request, "wallet_id", "address"), true, false);
            }
        }
        if (method.equals("DELETE") && n == 4 && p.get(0).equals("customers") && p.get(2).equals("credentials")) {
            return new Write("owner_key.revoke", ordered("customer_id", p.get(1), "key_id", p.get(3)), false, false);
        }
        return null;
    }

    private static Map<String, String> ordered(String k1, String v1, String k2, String v2) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /** The named ids of a JSON request body (no other member is kept). */
    private static Map<String, String> idsInBody(Request request, String... names) {
        Map<String, String> ids = new LinkedHashMap<>();
        if (bodyJson(request) instanceof Map<?, ?> body) {
            for (String name : names) {
                if (body.get(name) instanceof String value) {
                    ids.put(name, value);
                }
            }
        }
        return ids;
    }

    /** The e-mail a sign-in tries; the password is read with it into memory and dropped at once. */
    private static String loginEmail(Request request) {
        return bodyJson(request) instanceof Map<?, ?> body && body.get("email") instanceof String email ? email
                : null;
    }

    private static Object bodyJson(Request request) {
        if (request.body() == null) {
            return null;
        }
        try (Buffer buffer = new Buffer()) {
            request.body().writeTo(buffer);
            return JSON.fromJson(buffer.readUtf8());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<?, ?> envelope(Response response) {
        try {
            return JSON.fromJson(response.peekBody(PEEK).string()) instanceof Map<?, ?> m ? m : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String code(int status, Map<?, ?> envelope) {
        if (envelope != null && envelope.get("errors") instanceof List<?> errors && !errors.isEmpty()
                && errors.get(0) instanceof Map<?, ?> first && first.get("code") instanceof String code) {
            return code;
        }
        return "HTTP_" + status;
    }

    private static String traceId(Response response, Map<?, ?> envelope) {
        String header = response.header("X-Trace-Id");
        if (header != null) {
            return header;
        }
        return envelope != null && envelope.get("meta") instanceof Map<?, ?> meta
                && meta.get("trace_id") instanceof String id ? id : null;
    }
}
