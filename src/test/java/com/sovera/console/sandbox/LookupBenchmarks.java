package com.sovera.console.sandbox;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every kind of lookup at a million, from outside: a sandbox of {@code -Dbench.users} (default 1,000,000) demo users
 * with their wallets, addresses and deposits runs in a process of its own on {@code -Dbench.db} (default
 * {@code target/bench-db}; the first run seeds it, later runs reuse it), and each kind of lookup is asked
 * {@code -Dbench.lookups.questions} (default 100) distinct questions over HTTP: other pages, values or fragments,
 * each asked once. Prints p50 / p99 / max per kind and writes them to {@code target/benchmarks/lookups.md}.
 * {@code -Dbench.lookups.only=users,wallets,addresses,transactions} picks the lists, {@code
 * -Dbench.lookups.kinds=sorts,filtered,exact,like} the kinds of question (a run of the sorts and filters alone
 * skips the {@code [like]} totals it asks first, minutes at a million). Figures only: nothing here
 * asserts a time (the machine is shared).
 *
 * <p>A question's total is asked first, untimed, where its middle or last page depends on it: the sandbox keeps
 * totals per filter (a count cache), so the timed question sees what the second asker of that filter does.
 */
@Tag("benchmarks")
class LookupBenchmarks {

    private static final int USERS = Integer.getInteger("bench.users", 1_000_000);
    private static final Path DB = Path.of(System.getProperty("bench.db", "target/bench-db"));
    private static final int Q = Integer.getInteger("bench.lookups.questions", 100);
    private static final List<String> ONLY = List.of(System.getProperty("bench.lookups.only",
            "users,wallets,addresses,transactions").split(","));
    private static final List<String> KINDS = List.of(System.getProperty("bench.lookups.kinds",
            "sorts,filtered,exact,like").split(","));
    private static final List<String> FIELDS = List.of(System.getProperty("bench.lookups.fields", "all").split(","));
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final StringBuilder report = new StringBuilder();
    private final Random random = new Random(20261207L);
    private String base;
    private String key;

    /** One kind of lookup: its name, target in ms, and its distinct questions (path with query). */
    private record Kind(String name, double targetMs, List<String> questions) {
    }

    @Test
    void lookups() throws Exception {
        Files.createDirectories(DB);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.sovera.console.Launcher", "--sandbox-only",
                "--db", DB.toString(), "--seed-users", Integer.toString(USERS), "--rate-limit", "100000000"));
        long t0 = System.nanoTime();
        Process sandbox = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String l; (l = out.readLine()) != null; ) {
                int at = l.indexOf("listening on ");
                if (at >= 0) {
                    base = l.substring(at + "listening on ".length()).trim();
                    break;
                }
            }
            long listening = System.nanoTime();
            // the [like] texts are read into memory after the sandbox listens: measured once they are
            java.util.concurrent.CompletableFuture<Long> texts = new java.util.concurrent.CompletableFuture<>();
            Thread drain = new Thread(() -> out.lines().forEach(l -> {
                if (l.contains("[like] texts of")) {
                    texts.complete((System.nanoTime() - listening) / 1_000_000);
                }
            }), "sandbox-output");
            drain.setDaemon(true);
            drain.start();
            long textsMs = texts.get(10, TimeUnit.MINUTES);
            String token = field(send("POST", "/auth/login", "{\"email\":\"" + DemoAccount.EMAIL + "\",\"password\":\""
                    + DemoAccount.PASSWORD + "\"}", null), "token");
            key = field(send("POST", "/customers/" + DemoAccount.CUSTOMER_ID + "/credentials", "", token),
                    "customer_secret");
            long ready = (System.nanoTime() - t0) / 1_000_000_000;
            line("# Lookups at " + String.format("%,d", USERS) + " users, " + Instant.now());
            line("");
            line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version") + "; sandbox ready (seeding included when the database was"
                    + " new) in " + ready + " s, its [like] texts in memory " + textsMs + " ms after it listened; "
                    + Q + " distinct questions per kind, each asked once, over HTTP.");
            line("");
            line("| lookup | p50 | p99 | max | questions | target p99 | met | load before |");
            line("|---|---|---|---|---|---|---|---|");
            if (ONLY.contains("users")) {
                users();
            }
            if (ONLY.contains("wallets")) {
                wallets();
            }
            if (ONLY.contains("addresses")) {
                addresses();
            }
            if (ONLY.contains("transactions")) {
                transactions();
            }
        } finally {
            sandbox.destroy();
            sandbox.waitFor(60, TimeUnit.SECONDS);
        }
        Path file = Path.of("target", "benchmarks", "lookups.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println(report);
    }

    // ---- the lists ----

    private void users() throws Exception {
        List<String> sample = sample("/users", 200);
        sorts("/users", List.of("created_at", "email", "last_name", "status"), "");
        Map<String, List<String>> where = new LinkedHashMap<>();
        where.put("status", List.of("ACTIVE", "PENDING", "VERIFIED", "SUSPENDED"));
        where.put("user_type", List.of("individual", "business"));
        where.put("country", values(sample, "country"));
        where.put("first_name", values(sample, "first_name"));
        where.put("last_name", values(sample, "last_name"));
        filtered("/users", where, List.of("created_at", "email", "last_name", "status"));
        exact("/users", "email", values(sample, "email"));
        for (String field : List.of("email", "first_name", "last_name")) {
            like("/users", field, values(sample, field));
        }
    }

    private void wallets() throws Exception {
        List<String> sample = sample("/wallets", 200);
        sorts("/wallets", List.of("created_at", "name", "currency"), "");
        Map<String, List<String>> where = new LinkedHashMap<>();
        where.put("currency", List.of("BTC", "ETH", "USDC"));
        where.put("status", List.of("ACTIVE"));
        where.put("name", values(sample, "name"));
        filtered("/wallets", where, List.of("created_at", "name", "currency"));
        exact("/wallets", "user_id", values(sample, "user_id"));
        like("/wallets", "name", values(sample, "name"));
    }

    private void addresses() throws Exception {
        List<String> sample = sample("/addresses", 200);
        sorts("/addresses", List.of("created_at"), "");
        Map<String, List<String>> where = new LinkedHashMap<>();
        where.put("network", List.of("bitcoin-testnet", "ethereum-sepolia"));
        where.put("currency", List.of("BTC", "ETH", "USDC"));
        filtered("/addresses", where, List.of("created_at"));
        exact("/addresses", "address", values(sample, "address"));
        exact("/addresses", "wallet_id", values(sample, "wallet_id"));
        like("/addresses", "address", values(sample, "address"));
    }

    private void transactions() throws Exception {
        List<String> sample = sample("/transactions", 200);
        sorts("/transactions", List.of("created_at", "amount"), "");
        Map<String, List<String>> where = new LinkedHashMap<>();
        where.put("status", List.of("COMPLETED"));
        where.put("currency", List.of("BTC", "ETH", "USDC"));
        filtered("/transactions", where, List.of("created_at", "amount"));
        exact("/transactions", "tx_hash", values(sample, "tx_hash"));
        exact("/transactions", "address", values(sample, "address"));
        exact("/transactions", "wallet_id", values(sample, "wallet_id"));
    }

    // ---- kinds of question ----

    /** Each sort both ways at the first, middle and last pages: Q pages around each. */
    private void sorts(String path, List<String> fields, String filter) throws Exception {
        if (!KINDS.contains("sorts")) {
            return;
        }
        long total = total(path + "?filter%5Blimit%5D=1" + filter);
        for (String field : fields) {
            for (String dir : List.of("ASC", "DESC")) {
                for (String at : List.of("first", "middle", "last")) {
                    List<String> qs = new ArrayList<>();
                    for (int k = 0; k < Q; k++) {
                        qs.add(path + "?" + q("filter[sort]", field + " " + dir) + "&"
                                + q("filter[skip]", Long.toString(page(total, at, k))) + filter);
                    }
                    measure(new Kind(path + " sort " + field + " " + dir + ", " + at + " pages", 100, qs));
                }
            }
        }
    }

    /** Each filter alone and with each sort both ways, at pages spread from the first to the last. */
    private void filtered(String path, Map<String, List<String>> where, List<String> sorts) throws Exception {
        if (!KINDS.contains("filtered")) {
            return;
        }
        for (Map.Entry<String, List<String>> e : where.entrySet()) {
            Map<String, Long> totals = new LinkedHashMap<>();
            for (String v : e.getValue()) {
                totals.put(v, total(path + "?" + q("filter[where][" + e.getKey() + "]", v) + "&filter%5Blimit%5D=1"));
            }
            List<String> orders = new ArrayList<>(List.of(""));
            sorts.forEach(s -> orders.addAll(List.of(s + " ASC", s + " DESC")));
            for (String order : orders) {
                List<String> qs = new ArrayList<>();
                for (int k = 0; k < Q; k++) {
                    String v = e.getValue().get(k % e.getValue().size());
                    long skip = spread(totals.get(v), k);
                    qs.add(path + "?" + q("filter[where][" + e.getKey() + "]", v) + "&" + q("filter[skip]",
                            Long.toString(skip)) + (order.isEmpty() ? "" : "&" + q("filter[sort]", order)));
                }
                measure(new Kind(path + " where " + e.getKey() + (order.isEmpty() ? "" : " sort " + order)
                        + ", pages spread over the matches", 100, qs));
            }
        }
    }

    /** A value pasted: Q different ones. */
    private void exact(String path, String field, List<String> values) throws Exception {
        if (!KINDS.contains("exact")) {
            return;
        }
        List<String> qs = new ArrayList<>();
        for (int k = 0; k < Q; k++) {
            qs.add(path + "?" + q("filter[where][" + field + "]", values.get(k % values.size())));
        }
        measure(new Kind(path + " where " + field + " (a value pasted)", 100, qs));
    }

    /**
     * {@code [like]} in the default order: contains / starts with / ends with a fragment of 3 or more characters, or
     * the whole value, at the first, middle and last page; a fragment that matches nothing; fragments of 1 and 2
     * characters. {@code -Dbench.lookups.fields=email,name} picks the fields (default all).
     */
    private void like(String path, String field, List<String> values) throws Exception {
        if (!KINDS.contains("like") || !FIELDS.contains(field) && !FIELDS.contains("all")) {
            return;
        }
        Set<String> fragments = new LinkedHashSet<>();
        for (int k = 0; fragments.size() < Q && k < Q * 20; k++) {
            // in turn: contains, starts with, ends with, the whole value (exact)
            String v = values.get(random.nextInt(values.size())).toLowerCase(Locale.ROOT);
            int n = 3 + random.nextInt(Math.max(1, Math.min(5, v.length() - 2)));
            if (v.length() >= n) {
                int from = k % 4 == 1 ? 0 : k % 4 == 2 ? v.length() - n : random.nextInt(v.length() - n + 1);
                fragments.add(k % 4 == 3 ? v : (k % 4 == 1 ? "" : "%") + v.substring(from, from + n)
                        + (k % 4 == 2 ? "" : "%"));
            }
        }
        List<String> found = new ArrayList<>(fragments);
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String f : found) {
            totals.put(f, total(path + "?" + q("filter[where][" + field + "][like]", f) + "&filter%5Blimit%5D=1"));
        }
        for (String at : List.of("first", "middle", "last")) {
            List<String> qs = new ArrayList<>();
            for (int k = 0; k < Q; k++) {
                String f = found.get(k % found.size());
                qs.add(path + "?" + q("filter[where][" + field + "][like]", f) + "&"
                        + q("filter[skip]", Long.toString(page(totals.get(f), at, k / found.size()))));
            }
            measure(new Kind(path + " " + field + " [like] of 3+ characters, " + at + " page", 100, qs));
        }
        List<String> none = new ArrayList<>();
        for (int k = 0; k < Q; k++) {
            none.add(path + "?" + q("filter[where][" + field + "][like]", "%q" + (char) ('a' + k % 26) + "zx"
                    + (k / 26) + "%"));
        }
        measure(new Kind(path + " " + field + " [like] matching nothing", 100, none));
        List<String> shortOnes = new ArrayList<>();
        for (int k = 0; k < Q; k++) {
            String f = k % 2 == 0 ? "" + (char) ('a' + k / 2 % 26) : "" + (char) ('a' + k / 2 % 26)
                    + (char) ('a' + (k * 7) % 26);
            shortOnes.add(path + "?" + q("filter[where][" + field + "][like]", "%" + f + "%") + "&"
                    + q("filter[skip]", Integer.toString(k / 26 * 20)));
        }
        measure(new Kind(path + " " + field + " [like] of 1-2 characters", 250, shortOnes));
    }

    // ---- measuring ----

    private void measure(Kind kind) throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        List<Long> times = new ArrayList<>();
        int failed = 0;
        for (String question : kind.questions()) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(get(question), HttpResponse.BodyHandlers.ofString());
            times.add(System.nanoTime() - t0);
            if (r.statusCode() != 200) {
                failed++;
            }
        }
        double p50 = percentile(times, 50) / 1e6;
        double p99 = percentile(times, 99) / 1e6;
        double max = percentile(times, 100) / 1e6;
        boolean met = p99 < kind.targetMs() && failed == 0;
        String row = String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %d%s | < %.0f ms | %s | %s |",
                kind.name(), p50, p99, max, times.size(), failed == 0 ? "" : " (" + failed + " not 200)",
                kind.targetMs(), met ? "yes" : "**no**", load);
        line(row);
        System.out.println(row);
    }

    private static long page(long total, String at, int k) {
        long last = Math.max(0, (total - 1) / 20 * 20);
        long skip = switch (at) {
            case "first" -> k * 20L;
            case "middle" -> total / 2 / 20 * 20 + (k - Q / 2) * 20L;
            default -> last - k * 20L;
        };
        return Math.max(0, Math.min(last, skip));
    }

    /** The k-th of Q pages spread evenly over {@code total} rows. */
    private static long spread(long total, int k) {
        return total <= 20 ? 0 : (total - 1) * k / Math.max(1, Q - 1) / 20 * 20;
    }

    private long total(String question) throws Exception {
        String body = http.send(get(question), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = TOTAL.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no total in " + body);
        }
        return Long.parseLong(m.group(1));
    }

    /** Up to {@code n} rows from pages spread over the list, as JSON objects' text. */
    private List<String> sample(String path, int n) throws Exception {
        long total = total(path + "?filter%5Blimit%5D=1");
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < n / 20; k++) {
            String body = http.send(get(path + "?" + q("filter[skip]", Long.toString(spread(total, k * Q / (n / 20))))),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("\\{[^{}]*\\}").matcher(body.substring(body.indexOf("\"data\"")));
            while (m.find()) {
                rows.add(m.group());
            }
        }
        return rows;
    }

    /** The distinct values of a field in the sampled rows, in a shuffled order. */
    private List<String> values(List<String> rows, String field) {
        Set<String> out = new LinkedHashSet<>();
        for (String row : rows) {
            String v = field(row, field);
            if (v != null) {
                out.add(v);
            }
        }
        List<String> list = new ArrayList<>(out);
        Collections.shuffle(list, random);
        return list;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private String send(String method, String path, String body, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpRequest get(String question) {
        return HttpRequest.newBuilder(URI.create(base + question)).timeout(Duration.ofMinutes(2))
                .header("x-api-key", key).header("Accept", "application/json").build();
    }

    private static String q(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}
