package com.sovera.console.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request's way through the sandbox: rate limit, route, audience, body limits and JSON, idempotency,
 * handler, envelope. Errors of any kind leave as the contract's error envelope; an unexpected failure is a 500
 * that names only its trace id, and is logged with it. Reading the request ({@link RequestReader}), building
 * envelopes ({@link Envelopes}) and sending ({@link ResponseWriter}) are their own classes; this one decides.
 */
final class Pipeline implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    static final String BASE_PATH = "/sovx/v1";

    private final List<Route> routes;
    private final Auth auth;
    private final RateLimiter limiter;
    private final IdempotencyStore idempotency;
    private final Clock clock;
    private final Envelopes envelopes;
    private final Training training;

    Pipeline(List<Route> routes, Auth auth, RateLimiter limiter, IdempotencyStore idempotency, Clock clock) {
        this(routes, auth, limiter, idempotency, clock, new Training(List.of()));
    }

    Pipeline(List<Route> routes, Auth auth, RateLimiter limiter, IdempotencyStore idempotency, Clock clock,
             Training training) {
        this.training = training;
        this.routes = routes;
        this.auth = auth;
        this.limiter = limiter;
        this.idempotency = idempotency;
        this.clock = clock;
        this.envelopes = new Envelopes(clock);
    }

    @Override
    public void handle(HttpExchange exchange) {
        String traceId = UUID.randomUUID().toString();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        long started = System.nanoTime();
        int status = 500;
        try {
            status = serve(exchange, method, path, traceId);
        } catch (SandboxError e) {
            status = e.status;
            writeError(exchange, e, traceId);
        } catch (Exception | StackOverflowError e) {
            LOG.error("trace {}: {} {} failed", traceId, method, printable(path), e);
            writeError(exchange, new SandboxError(500, "INTERNAL_ERROR",
                    "The sandbox could not answer this request; quote trace id " + traceId + ".", null), traceId);
        } finally {
            exchange.close();
            LOG.debug("{} {} -> {} in {} ms, trace {}", method, printable(path), status,
                    (System.nanoTime() - started) / 1_000_000, traceId);
        }
    }

    private int serve(HttpExchange exchange, String method, String rawPath, String traceId) throws Exception {
        var headers = exchange.getRequestHeaders();
        String authorization = headers.getFirst("Authorization");
        String apiKey = headers.getFirst("x-api-key");
        RateLimiter.Verdict verdict = limiter.count(rateScope(exchange, authorization, apiKey));
        var out = exchange.getResponseHeaders();
        out.set("X-RateLimit-Limit", Integer.toString(verdict.limit()));
        out.set("X-RateLimit-Remaining", Integer.toString(verdict.remaining()));
        out.set("X-RateLimit-Reset", Long.toString(verdict.resetEpochSecond()));
        if (!verdict.allowed()) {
            out.set("Retry-After", Long.toString(verdict.retryAfterSeconds()));
            throw new SandboxError(429, "RATE_LIMITED", "Too many requests: at most " + verdict.limit()
                    + " a minute. Retry after " + verdict.retryAfterSeconds() + " s.", null);
        }

        if (headers.containsKey(FrontDoor.REPAIRED)) {
            throw SandboxError.validation(null, "The request target is not correctly percent-encoded: write % as"
                    + " %25, a space as %20, and encode every character a URL may not hold.");
        }
        List<String> segments = RequestReader.segments(rawPath);
        Route route = null;
        Map<String, String> params = null;
        Set<String> allowed = new TreeSet<>();
        for (Route candidate : routes) {
            Map<String, String> bound = candidate.match(segments);
            if (bound != null) {
                allowed.add(candidate.method());
                if (candidate.method().equals(method)) {
                    route = candidate;
                    params = bound;
                }
            }
        }
        if (route == null) {
            if (allowed.isEmpty()) {
                throw new SandboxError(404, "NOT_FOUND", "There is no endpoint at this path.", null);
            }
            out.set("Allow", String.join(", ", allowed));
            throw new SandboxError(405, "METHOD_NOT_ALLOWED", method.replaceAll("[^A-Z]", "?")
                    + " is not allowed here; use " + String.join(" or ", allowed) + ".", null);
        }

        trainingFault(route, out);
        Principal principal = route.realm() == Realm.OPEN
                ? Principal.anonymous(exchange.getRemoteAddress().getAddress().getHostAddress())
                : auth.require(route.realm(), authorization, apiKey);
        byte[] body = method.equals("POST") ? RequestReader.body(exchange) : new byte[0];
        Map<String, Object> json = route.takesBody() ? RequestReader.json(headers.getFirst("Content-Type"), body) : Map.of();
        SandboxRequest request = new SandboxRequest(method, rawPath, params,
                RequestReader.query(exchange.getRequestURI().getRawQuery()), json, principal, traceId);

        String key = headers.getFirst("Idempotency-Key");
        if (route.idempotency() == Route.Idempotency.NONE || key == null) {
            Reply reply = route.handler().handle(request);
            ResponseWriter.write(exchange, reply.status(), envelopes.success(reply, traceId), false, traceId,
                    reply.mediaType());
            return reply.status();
        }
        return idempotent(exchange, route, request, key.trim(), body);
    }

    /** An armed training fault for this endpoint answers in place of the endpoint (or delays it). */
    private void trainingFault(Route route, com.sun.net.httpserver.Headers out) throws InterruptedException {
        Training.Fault fault = training.take(route.name());
        if (fault == null) {
            return;
        }
        switch (fault) {
            case SESSION_EXPIRED -> throw new SandboxError(401, "TOKEN_EXPIRED",
                    "The token has expired: log in again. [training fault]", null);
            case RATE_LIMITED -> {
                out.set("Retry-After", Integer.toString(Training.RETRY_AFTER_SECONDS));
                throw new SandboxError(429, "RATE_LIMITED", "Too many requests. Retry after "
                        + Training.RETRY_AFTER_SECONDS + " s. [training fault]", null);
            }
            case INTERNAL_ERROR -> throw new SandboxError(500, "INTERNAL_ERROR",
                    "The sandbox could not answer this request. [training fault]", null);
            case SLOW -> Thread.sleep(training.slowness().toMillis());
        }
    }

    /** A create's answer as sent. */
    private record Answer(int status, byte[] body) {
    }

    private int idempotent(HttpExchange exchange, Route route, SandboxRequest request, String key, byte[] body)
            throws Exception {
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(ch -> ch > 32 && ch < 127)) {
            throw SandboxError.validation("Idempotency-Key", "Idempotency-Key must be 1 to 255 visible ASCII"
                    + " characters, such as a UUID");
        }
        boolean inMemory = route.idempotency() == Route.Idempotency.IN_MEMORY;
        String scope = request.principal.idempotencyScope();
        String requestHash = Secrets.sha256Hex(concat((request.method + " " + request.path + "\n")
                .getBytes(StandardCharsets.UTF_8), body));
        idempotency.acquire(scope, key);
        try {
            IdempotencyStore.Entry entry = idempotency.find(scope, key, inMemory);
            if (entry != null) {
                if (!entry.requestHash().equals(requestHash)) {
                    throw new SandboxError(422, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used with a"
                            + " different request; use a new key for a new request.", null);
                }
                ResponseWriter.write(exchange, entry.status(), entry.body().getBytes(StandardCharsets.UTF_8), true,
                        request.traceId);
                return entry.status();
            }
            // the create and the record of its answer commit together (an answer kept in memory cannot)
            Database.Work<Answer> create = () -> {
                Reply reply = route.handler().handle(request);
                byte[] rendered = envelopes.success(reply, request.traceId);
                if (reply.status() / 100 == 2) {
                    idempotency.save(scope, key, new IdempotencyStore.Entry(requestHash, reply.status(),
                            new String(rendered, StandardCharsets.UTF_8), clock.millis()), inMemory);
                }
                return new Answer(reply.status(), rendered);
            };
            Answer answer = inMemory ? create.run() : idempotency.atomically(create);
            ResponseWriter.write(exchange, answer.status(), answer.body(), false, request.traceId);
            return answer.status();
        } finally {
            idempotency.release(scope, key);
        }
    }

    private static String rateScope(HttpExchange exchange, String authorization, String apiKey) {
        if (apiKey != null && !apiKey.isBlank()) {
            return Secrets.hash("key:" + apiKey.trim());
        }
        String bearer = Auth.bearer(authorization);
        if (bearer != null) {
            return Secrets.hash("bearer:" + bearer);
        }
        return "ip:" + exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    private void writeError(HttpExchange exchange, SandboxError e, String traceId) {
        try {
            ResponseWriter.write(exchange, e.status, envelopes.error(e, traceId), false, traceId);
        } catch (IOException | RuntimeException writeFailed) {
            LOG.debug("trace {}: could not write the error answer: {}", traceId, writeFailed.toString());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String printable(String text) {
        String clean = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
    }
}
