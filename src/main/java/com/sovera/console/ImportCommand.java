package com.sovera.console;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.BaseUrl;
import com.sovera.console.api.Filter;
import com.sovera.console.api.RateLimitPacer;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.SovxException;
import com.sovera.console.api.WireLog;
import com.sovera.console.bulk.BulkImports;
import com.sovera.console.bulk.BulkRun;
import com.sovera.console.bulk.ExistingUsers;
import com.sovera.console.bulk.Plan;
import com.sovera.console.bulk.Preview;
import com.sovera.console.bulk.PreviewRow;
import com.sovera.console.bulk.ResultsCsv;
import com.sovera.console.bulk.Sheet;
import com.sovera.console.bulk.SheetException;
import com.sovera.console.bulk.SheetReader;
import com.sovera.console.platform.AppDirs;
import com.sovera.console.provision.Provisioner.Adoptions;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.sandbox.SandboxStartException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --import FILE --customer ID [--base-url URL --confirm-host HOST] [--results FILE]}: the bulk onboarding
 * engine without a window, for scripted runs. Without {@code --base-url} it writes to the embedded sandbox in the
 * user's data directory; any other base URL is production and is written to only when {@code --confirm-host}
 * names its host. The owner key comes from {@code SOVX_OWNER_KEY} or standard input, never an argument. Progress
 * goes to standard error; the results file's path to standard output. Exit 0: every row succeeded; 1: some
 * failed (results written); 2: it could not run. Run again after a crash, it resumes and creates nothing twice.
 */
final class ImportCommand {

    static final int OK = 0;
    static final int SOME_FAILED = 1;
    static final int CANNOT_RUN = 2;
    static final String KEY_VARIABLE = "SOVX_OWNER_KEY";
    private static final String EMBEDDED = com.sovera.console.policy.EnvironmentRefs.EMBEDDED;
    private static final int ERRORS_SHOWN = 20;
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    /** The process's streams and environment (a test gives its own). */
    record Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        static Io system() {
            return new Io(System.in, System.out, System.err, System.getenv());
        }
    }

    /** The parsed arguments. */
    record Options(Path file, String customerId, String baseUrl, String confirmHost, Path results) {
    }

    /** The command could not run: the message says why and what to do. */
    static final class CannotRun extends Exception {
        CannotRun(String message) {
            super(message);
        }
    }

    private final Io io;
    private final AppDirs dirs;
    private final com.sovera.console.policy.Policy policy;

    private ImportCommand(Io io, AppDirs dirs, com.sovera.console.policy.Policy policy) {
        this.io = io;
        this.dirs = dirs;
        this.policy = policy;
    }

    /** Runs the command under the administrator's policy file, as the console does; returns the exit code. */
    static int run(String[] args, Io io, AppDirs dirs) {
        com.sovera.console.policy.LoadedPolicy loaded = com.sovera.console.policy.PolicyFile.load();
        loaded.operatorMessage().ifPresent(m -> io.err().println("sovx import: " + m));
        return run(args, io, dirs, loaded.policy());
    }

    /** Runs the command under {@code policy}; returns the exit code. */
    static int run(String[] args, Io io, AppDirs dirs, com.sovera.console.policy.Policy policy) {
        try {
            return new ImportCommand(io, dirs, policy).run(parse(args));
        } catch (CannotRun e) {
            io.err().println("sovx import: " + e.getMessage());
            return CANNOT_RUN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            io.err().println("sovx import: interrupted; run the same command again to resume.");
            return CANNOT_RUN;
        }
    }

    static Options parse(String[] args) throws CannotRun {
        Path file = null;
        String customer = null;
        String baseUrl = null;
        String confirmHost = null;
        Path results = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new CannotRun(arg + (arg.startsWith("--") ? " needs a value." : " is not an option.") + usage());
            }
            String value = args[++i];
            switch (arg) {
                case "--import" -> file = Path.of(value);
                case "--customer" -> customer = value.strip();
                case "--base-url" -> baseUrl = value.strip();
                case "--confirm-host" -> confirmHost = value.strip();
                case "--results" -> results = Path.of(value);
                default -> throw new CannotRun("unknown option " + arg + "." + usage());
            }
        }
        if (file == null || customer == null || customer.isEmpty()) {
            throw new CannotRun("--import FILE and --customer ID are both needed." + usage());
        }
        if (baseUrl == null && confirmHost != null) {
            throw new CannotRun("--confirm-host goes with --base-url: the embedded sandbox needs no confirmation.");
        }
        return new Options(file, customer, baseUrl, confirmHost, results);
    }

    /** A managed desk's policy limits the command as it limits the console: only the environments it offers. */
    private void allowedByPolicy(String target) throws CannotRun {
        String ref = com.sovera.console.policy.EnvironmentRefs.normalise(target);
        java.util.List<String> own = com.sovera.console.policy.EnvironmentRefs.isBuiltIn(ref) ? java.util.List.of()
                : java.util.List.of(ref); // a URL of the operator's own, allowed where the policy allows such
        if (!policy.offer(ref, own).environments().contains(ref)) {
            throw new CannotRun("Your administrator's policy does not allow "
                    + (ref.equals(com.sovera.console.policy.EnvironmentRefs.EMBEDDED) ? "the embedded sandbox"
                    : ref) + " on this computer.");
        }
    }

    /**
     * The desk's audit trail (where the policy says, as the console's), checked before any call: a write it could
     * not record is not made.
     */
    private com.sovera.console.audit.AuditTrail auditTrail() throws CannotRun {
        com.sovera.console.audit.AuditTrail trail = com.sovera.console.audit.AuditTrail.forThisDesk(
                policy.auditDirectory().orElse(dirs.logs()));
        try {
            trail.before();
        } catch (com.sovera.console.audit.AuditUnavailableException e) {
            throw new CannotRun(e.getMessage());
        }
        return trail;
    }

    private static String usage() {
        return "\nUsage: --import FILE --customer ID [--base-url URL --confirm-host HOST] [--results FILE]"
                + "\n(the owner key is read from " + KEY_VARIABLE + ", or from standard input when it is unset)";
    }

    private int run(Options options) throws CannotRun, InterruptedException {
        if (!policy.mayWrite()) { // an import only writes: refused before the file, the trail or any server
            throw new CannotRun(com.sovera.console.policy.Policy.LOOKUPS_ONLY
                    + " (writes_allowed is false in the policy file): --import writes, so nothing was imported.");
        }
        boolean embedded = options.baseUrl() == null;
        String origin = embedded ? EMBEDDED : checkedBaseUrl(options);
        allowedByPolicy(embedded ? com.sovera.console.policy.EnvironmentRefs.EMBEDDED : origin);
        Sheet sheet = read(options.file());
        Path results = resultsPath(options);
        com.sovera.console.audit.AuditTrail trail = auditTrail();
        BulkImports.Source source = BulkImports.Source.of(sheet);
        boolean demoCustomer = embedded && DemoAccount.CUSTOMER_ID.equals(options.customerId());
        String key = io.env().get(KEY_VARIABLE);
        if ((key == null || key.isBlank()) && !demoCustomer) {
            key = keyFromInput();
        }
        SandboxServer sandbox = embedded ? openSandbox() : null;
        // Ctrl+C: the journal keeps the run for the next command; the sandbox's database is closed cleanly
        Thread closeOnInterrupt = new Thread(() -> {
            if (sandbox != null) {
                sandbox.close();
            }
        }, "sovx-import-shutdown");
        Runtime.getRuntime().addShutdownHook(closeOnInterrupt);
        try {
            String baseUrl = embedded ? sandbox.baseUrl() : origin;
            if (key == null || key.isBlank()) {
                key = sandbox.demo().ownerKey(); // the demo customer's key, known to this process only
            }
            RateLimitPacer pacer = new RateLimitPacer();
            String environment = embedded ? EMBEDDED : com.sovera.console.policy.EnvironmentRefs.normalise(origin);
            try (SovxClient client = SovxClient.builder(baseUrl).pacer(pacer).wireLog(WireLog.BASIC)
                    .audit(com.sovera.console.audit.AuditInterceptor.forImport(trail, environment, baseUrl,
                            options.customerId())).build()) {
                client.credentials().useOwnerKey(key.strip());
                String who = com.sovera.console.audit.AuditTrail.importOperator(options.customerId());
                return importRows(client, pacer, sheet, source, results, new BulkImports.Target(origin,
                        options.customerId(), embedded), (action, ids) -> trail.adopted(who, environment, baseUrl,
                        action, ids));
            }
        } finally {
            boolean shuttingDown = false;
            try {
                Runtime.getRuntime().removeShutdownHook(closeOnInterrupt);
            } catch (IllegalStateException e) {
                shuttingDown = true; // the hook closes the sandbox
            }
            if (sandbox != null && !shuttingDown) {
                sandbox.close();
            }
        }
    }

    private int importRows(SovxClient client, RateLimitPacer pacer, Sheet sheet, BulkImports.Source source, Path
            results, BulkImports.Target target, Adoptions adopted) throws CannotRun, InterruptedException {
        BulkImports imports = new BulkImports(dirs.data());
        BulkRun.Options runOptions = BulkRun.Options.defaults().withPacer(pacer).withListener(new ProgressLines())
                .withAdoptions(adopted); // a user adopted after a conflict: reused in the trail
        Optional<BulkImports.Unfinished> unfinished = imports.unfinished(target, source);
        BulkRun run;
        try {
            if (unfinished.isPresent()) {
                BulkImports.Unfinished u = unfinished.get();
                checkKey(client);
                io.err().printf("Resuming the import of %s begun %s: %,d of %,d rows were done.%n", u.source(),
                        u.startedAt(), u.rowsDone(), u.rows());
                run = imports.resume(client.api(), u, runOptions);
            } else {
                Preview preview = Preview.of(sheet, target.sandbox(), LocalDate.now(ZoneOffset.UTC));
                reportInvalid(preview);
                preview.markExisting(lookUpExisting(client, preview));
                Preview.Counts counts = preview.counts();
                io.err().printf("%,d rows: %,d to import (%,d users exist already, reused), %,d refused.%n",
                        counts.rows(), counts.valid(), counts.existing(), counts.invalid());
                Plan plan = preview.plan();
                run = imports.start(client.api(), target, source, plan, runOptions);
            }
        } catch (IOException e) {
            throw new CannotRun(e.getMessage());
        }
        BulkRun.Outcome outcome = run.await();
        try {
            ResultsCsv.write(outcome.results(), results);
        } catch (IOException e) {
            throw new CannotRun("The run ended (" + outcome.state() + ") but its results could not be written to "
                    + results + ": " + e.getMessage());
        }
        if (outcome.problem() != null) {
            io.err().println(outcome.problem());
        }
        long failed = outcome.results().stream().filter(l -> l.failed()).map(l -> l.row()).distinct().count();
        io.err().printf("Done: %s. %,d rows failed. Results: %s%n", run.progress().describe(), failed, results);
        io.out().println(results.toAbsolutePath());
        return outcome.allSucceeded() ? OK : SOME_FAILED;
    }

    private Map<String, String> lookUpExisting(SovxClient client, Preview preview) throws CannotRun {
        try {
            return ExistingUsers.find(client.api(), preview.emails(), () -> false);
        } catch (SovxException e) {
            throw refused(e);
        }
    }

    /** One cheap read, so a wrong key stops the command before any row is tried. */
    private static void checkKey(SovxClient client) throws CannotRun {
        try {
            client.api().listUsers(Filter.page(1, 0).asQuery()).execute();
        } catch (SovxException e) {
            throw refused(e);
        }
    }

    private static CannotRun refused(SovxException e) {
        if (e instanceof ApiException api && (api.httpStatus() == 401 || api.httpStatus() == 403)) {
            return new CannotRun("The owner key was refused (" + api.code() + ": " + api.serverMessage()
                    + (api.traceId() == null ? "" : ", trace " + api.traceId()) + "). Check " + KEY_VARIABLE
                    + ": it is the customer_secret of this customer. Nothing was sent.");
        }
        return new CannotRun("Cannot look up the customer's users: " + e.getMessage() + " Nothing was created.");
    }

    private void reportInvalid(Preview preview) {
        List<PreviewRow> invalid = preview.rows().stream().filter(r -> !r.isValid()).toList();
        for (PreviewRow r : invalid.subList(0, Math.min(ERRORS_SHOWN, invalid.size()))) {
            io.err().printf("Row %d (line %d) is refused: %s%n", r.number(), r.line(), r.errorText());
        }
        if (invalid.size() > ERRORS_SHOWN) {
            io.err().printf("... and %,d more refused rows (all are in the results file).%n",
                    invalid.size() - ERRORS_SHOWN);
        }
    }

    private String checkedBaseUrl(Options options) throws CannotRun {
        String url;
        try {
            url = BaseUrl.check(options.baseUrl());
        } catch (IllegalArgumentException e) {
            throw new CannotRun(e.getMessage());
        }
        String host = BaseUrl.parse(url).host();
        if (options.confirmHost() == null || !options.confirmHost().toLowerCase(Locale.ROOT).equals(host)) {
            throw new CannotRun(url + " is treated as production: nothing is written there unless --confirm-host "
                    + "names its host (--confirm-host " + host + ")" + (options.confirmHost() == null ? ""
                    : "; '" + options.confirmHost() + "' is not " + host) + ". Nothing was sent.");
        }
        return url;
    }

    private static Sheet read(Path file) throws CannotRun {
        try {
            return SheetReader.read(file);
        } catch (SheetException e) {
            throw new CannotRun(e.getMessage());
        }
    }

    private static Path resultsPath(Options options) throws CannotRun {
        Path results = options.results();
        if (results == null) {
            String name = options.file().getFileName().toString();
            int dot = name.lastIndexOf('.');
            results = options.file().toAbsolutePath().resolveSibling((dot > 0 ? name.substring(0, dot) : name)
                    + "-results.csv");
        }
        Path folder = results.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new CannotRun("Cannot write the results to " + results + ": its folder does not exist or is not "
                    + "writable. Choose another with --results FILE.");
        }
        if (Files.isDirectory(results)) {
            throw new CannotRun(results + " is a folder: --results names the results file.");
        }
        return results;
    }

    private String keyFromInput() throws CannotRun {
        if (System.console() != null && io.in() == System.in) {
            char[] typed = System.console().readPassword("Owner key (customer_secret), not shown: ");
            return typed == null ? null : new String(typed);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isBlank()) {
                throw new CannotRun("No owner key: set " + KEY_VARIABLE + " or give the key on standard input.");
            }
            return line;
        } catch (IOException e) {
            throw new CannotRun("Cannot read the owner key from standard input: " + e.getMessage());
        }
    }

    private SandboxServer openSandbox() throws CannotRun {
        Path database = dirs.data().resolve("sandbox");
        try {
            return SandboxServer.start(SandboxConfig.stored(database));
        } catch (SandboxStartException e) {
            throw new CannotRun("Cannot open the embedded sandbox in " + database + ". If SovX Console is open on "
                    + "it, close the console (or import from its window) and run the command again. ("
                    + e.getMessage() + ")");
        }
    }

    /** Progress lines on standard error, every two seconds and at the end. */
    private final class ProgressLines implements java.util.function.Consumer<com.sovera.console.bulk.RunProgress> {
        private long last;

        @Override
        public synchronized void accept(com.sovera.console.bulk.RunProgress p) {
            long now = System.nanoTime();
            if (last != 0 && now - last < PROGRESS_EVERY_NANOS && p.done() < p.rows()) {
                return;
            }
            last = now;
            io.err().println(p.describe());
        }
    }
}
