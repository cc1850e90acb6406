package com.sovera.console.batch;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.BaseUrl;
import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.bulk.BulkImports;
import com.sovera.console.bulk.BulkRun;
import com.sovera.console.bulk.ExistingUsers;
import com.sovera.console.bulk.Plan;
import com.sovera.console.bulk.Preview;
import com.sovera.console.bulk.Sheet;
import com.sovera.console.bulk.SheetException;
import com.sovera.console.bulk.SheetReader;
import com.sovera.console.bulk.Template;
import com.sovera.console.config.Environment;
import com.sovera.console.platform.JsonFiles;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.WriteGuard;
import com.sovera.console.ui.task.Latest;
import com.sovera.console.ui.task.TaskRunner;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulk onboarding screen without its controls. The operator names the customer (the lookups' customer in
 * context by default, with its owner key) and opens a file: it is read and checked off the FX thread, and the
 * customer's users with the file's e-mails are looked up, paced, so their rows are reused. Cells are fixed in
 * place ({@link PreviewModel}); nothing is sent while a row has errors unless the operator skips those rows.
 * A run asks the production confirmation first, then is followed by a {@link RunModel}. Runs that did not finish
 * (the console was closed or killed) are offered to resume, with the customer's key given again, or to discard.
 * FX thread only; all work goes through the task runner.
 */
public final class BulkViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(BulkViewModel.class);

    /** What the screen is waiting for. */
    public enum Busy {
        NONE,
        READING,
        CHECKING,
        STARTING
    }

    /** The customer the file's users go to. */
    public final StringProperty customerId = new SimpleStringProperty("");
    /** Its owner key (customer_secret), in memory only. Another customer typed clears it. */
    public final StringProperty ownerKey = new SimpleStringProperty("");
    /** Send the valid rows and report the others as VALIDATION_ERROR. */
    public final BooleanProperty skipInvalid = new SimpleBooleanProperty();
    /** The owner key given to resume an unfinished run of another customer than the one above. */
    public final StringProperty resumeKey = new SimpleStringProperty("");

    private final Environment environment;
    private final TaskRunner runner;
    private final Clock clock;
    private final BulkImports imports;
    private final PacedClients clients;
    private final String origin;
    private final boolean sandbox;
    private final PreviewModel preview = new PreviewModel();
    private final RunModel run;
    private final Latest reading;
    private final Latest checking;
    private final ObservableList<String> knownCustomers = FXCollections.observableArrayList();
    private final ObservableList<BulkImports.Unfinished> unfinished = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Busy> busy = new ReadOnlyObjectWrapper<>(Busy.NONE);
    private final StringProperty message = new SimpleStringProperty(
            "Open a CSV file of users, or download the template to fill in.");
    private final StringProperty existingNote = new SimpleStringProperty("");
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final StringBinding runHint;
    private final BooleanBinding canRun;
    private WriteGuard writeGuard = WriteGuard.ALWAYS;
    private BulkImports.Source source;
    /** The customer and key whose users marked the preview; null while none did. */
    private String markedCustomer;
    private String markedKey;
    /** False once a run has changed the customer's users: the next run looks them up again. */
    private boolean marksFresh;
    /** The customer and key of the lookup under way, if any. */
    private String pendingCustomer;
    private String pendingKey;
    /** The lookups' customer last handed over, and whether a change of the field comes from there. */
    private String contextCustomer;
    private boolean settingCustomer;

    /**
     * @param client        the console's client: runs use clients derived from it, each with its owner key and pacer
     * @param dataDirectory where runs keep their journals ({@code bulk-imports/})
     */
    public BulkViewModel(SovxClient client, Environment environment, Path dataDirectory, TaskRunner runner,
                         Clock clock) {
        this.environment = environment;
        this.runner = runner;
        this.clock = clock;
        this.imports = new BulkImports(dataDirectory);
        this.clients = new PacedClients(client);
        this.sandbox = !environment.isProductionLike();
        this.origin = environment.kind() == Environment.Kind.EMBEDDED ? Environment.EMBEDDED_ID
                : BaseUrl.check(client.baseUrl());
        this.run = new RunModel(runner);
        this.reading = new Latest(runner);
        this.checking = new Latest(runner);
        run.setOnEnded(this::ended);
        // a key belongs to its customer: another customer typed needs its own key
        customerId.addListener((o, was, now) -> {
            if (!settingCustomer) {
                ownerKey.set("");
            }
        });
        runHint = Bindings.createStringBinding(this::whyNotRun, preview.countsProperty(), preview.previewProperty(),
                customerId, ownerKey, skipInvalid, busy, run.activeProperty());
        canRun = Bindings.createBooleanBinding(() -> runHint.get().isEmpty(), runHint);
    }

    /** The first write of a run or a resume asks this (the production confirmation); refused, nothing is sent. */
    public void setWriteGuard(WriteGuard guard) {
        this.writeGuard = guard;
    }

    public PreviewModel preview() {
        return preview;
    }

    public RunModel run() {
        return run;
    }

    /** Customers to pick from (the lookups' list, when the server offers one). */
    public ObservableList<String> knownCustomers() {
        return knownCustomers;
    }

    /** Runs of this environment that did not finish, oldest first: to resume or discard. */
    public ObservableList<BulkImports.Unfinished> unfinished() {
        return unfinished;
    }

    /** What the window says while a bulk import of this environment did not finish; empty once none is left. */
    public javafx.beans.binding.StringBinding unfinishedNotice() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> unfinished.isEmpty() ? ""
                : "A bulk import did not finish: open Bulk to resume or discard it.", unfinished);
    }

    public ReadOnlyObjectProperty<Busy> busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the screen is doing, or what to do next. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Whether, and for whom, the customer's existing users were looked up. */
    public StringProperty existingNoteProperty() {
        return existingNote;
    }

    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    /** Why Run cannot be pressed now; empty when it can. */
    public StringBinding runHintProperty() {
        return runHint;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** True on a sandbox environment, where a bare currency means its test network. */
    public boolean isSandbox() {
        return sandbox;
    }

    /** The name a save dialog proposes for the results of the file shown. */
    public String resultsFileName() {
        return RunModel.resultsName(source == null ? null : source.name());
    }

    /**
     * The lookups' customer in context (and its key) is the default: it replaces the fields unless the operator
     * chose another customer there. With a file shown, its existing users are looked up for it.
     */
    public void useCustomer(String id, String key) {
        String typed = text(customerId);
        boolean operatorsOwn = !typed.isEmpty() && !typed.equals(contextCustomer);
        contextCustomer = id;
        if (operatorsOwn || id == null) {
            return;
        }
        settingCustomer = true;
        customerId.set(id);
        ownerKey.set(key == null ? "" : key);
        settingCustomer = false;
        if (preview.preview() != null && !checkedFor(id, text(ownerKey))) {
            checkExisting();
        }
    }

    /** What a run stopped by a sign-out says; the Bulk view offers it to resume. */
    static final String STOPPED_BY_SIGN_OUT = "The session closed, so the run stopped; its journal is kept.";

    /**
     * The session is closing (a sign-out, or a switch of environment) with a run under way: an idle sign-out stops
     * it short, its journal kept to resume (with the key given again); the operator is asked whether to pause it
     * that way or cancel it, or to stay. False: stay.
     */
    public boolean sessionClosing(boolean idle, com.sovera.console.ui.Ask ask) {
        if (!run.activeProperty().get()) {
            return true;
        }
        int choice = idle ? 0 : ask.choose("A bulk import is under way", "Pausing keeps its journal: the Bulk view"
                + " offers to resume it, with the owner key given again. Cancelling stops it; importing the file"
                + " again finishes it, creating nothing twice.", java.util.List.of("_Pause the import",
                "Cancel the _import", "_Stay"));
        switch (choice) {
            case 0 -> run.stopShort(STOPPED_BY_SIGN_OUT);
            case 1 -> run.cancel();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** True while a key pasted here (or given to resume) is held: an idle sign-out is due for it too. */
    public boolean holdsKey() {
        return !text(ownerKey).isEmpty() || !text(resumeKey).isEmpty();
    }

    /** Sign-out: keys leave memory (a run under way keeps going with the client it started with). */
    public void signedOut() {
        cancelCheck();
        ownerKey.set("");
        resumeKey.set("");
        clients.forget();
        preview.forgetExisting(); // the next lookup, with a key given again, marks them anew
        markedCustomer = null;
        markedKey = null;
        marksFresh = false;
        contextCustomer = null;
    }

    /**
     * A key of this customer was revoked (in the Customers view): if it is the one typed here, it is dropped, and
     * the next run or lookup asks for the new one. (A run under way gets its next requests refused: its rows left
     * fail with the server's code, and importing the file again with the new key finishes them.)
     */
    public void keyRevoked(String id, String lastFour) {
        if (lastFour == null || lastFour.isEmpty()) {
            return;
        }
        if (id.equals(text(customerId)) && text(ownerKey).endsWith(lastFour)) {
            ownerKey.set("");
            clients.forget();
            message.set("The owner key in use for " + id + " was revoked: paste its new key.");
        }
        if (text(resumeKey).endsWith(lastFour)) {
            resumeKey.set("");
        }
    }

    /** Reads and checks a file off the FX thread, then looks up which of its users the customer has. */
    public void open(Path file) {
        if (run.activeProperty().get()) {
            return;
        }
        cancelCheck();
        problem.set(null);
        busy.set(Busy.READING);
        message.set("Reading " + file.getFileName() + "...");
        existingNote.set("");
        boolean sandboxRules = sandbox;
        LocalDate today = today();
        reading.load(job -> {
            Sheet sheet = SheetReader.read(file);
            return new Read(sheet, BulkImports.Source.of(sheet), Preview.of(sheet, sandboxRules, today));
        }, read -> {
            busy.set(Busy.NONE);
            source = read.source();
            preview.show(read.preview());
            skipInvalid.set(false);
            markedCustomer = null;
            markedKey = null;
            marksFresh = false;
            Preview.Counts c = preview.countsProperty().get();
            message.set(String.format("%s: %,d rows read%s.", read.sheet().name(), c.rows(), c.invalid() == 0
                    ? ", all valid" : String.format("; %,d with errors: fix them in the table (double-click a "
                    + "cell) or export them", c.invalid())));
            checkExisting();
        }, failure -> {
            busy.set(Busy.NONE);
            source = null;
            preview.clear();
            message.set(file.getFileName() + " was not read.");
            problem.set(fileProblem(failure));
        });
    }

    /**
     * Looks up (paced) which of the file's e-mails the customer already has: those rows reuse the user. Nothing is
     * sent when they were looked up for this customer and key already, or are being looked up.
     */
    public void checkExisting() {
        String id = text(customerId);
        String key = text(ownerKey);
        if (checkedFor(id, key) || (id.equals(pendingCustomer) && key.equals(pendingKey))) {
            return;
        }
        checkExisting(null);
    }

    private void checkExisting(Runnable then) {
        Preview shown = preview.preview();
        String id = text(customerId);
        String key = text(ownerKey);
        if (shown == null) {
            return;
        }
        if (id.isEmpty() || key.isEmpty()) {
            existingNote.set("Existing users are not looked up yet: enter the customer and paste its owner key.");
            return;
        }
        if (markedCustomer != null && !(id.equals(markedCustomer) && key.equals(markedKey))) {
            preview.forgetExisting(); // the marks were another customer's
            markedCustomer = null;
            markedKey = null;
        }
        List<String> emails = shown.emails();
        PacedClients.Paced paced = clients.forKey(key);
        if (busy.get() == Busy.NONE) { // a run still starting stays STARTING: Run must not be offered twice
            busy.set(Busy.CHECKING);
        }
        problem.set(null);
        existingNote.set("Looking up which of these users " + id + " already has...");
        pendingCustomer = id;
        pendingKey = key;
        checking.load(job -> ExistingUsers.find(paced.client().api(), emails, job::isCancelled), found -> {
            doneChecking();
            pendingCustomer = null;
            pendingKey = null;
            preview.markExisting(found);
            markedCustomer = id;
            markedKey = key;
            marksFresh = true;
            existingNote.set(String.format("Looked up for %s: %,d of these users exist already and are reused, "
                    + "not created again.", id, found.size()));
            if (then != null) {
                then.run();
            }
        }, failure -> {
            doneChecking();
            pendingCustomer = null;
            pendingKey = null;
            existingNote.set("Existing users were not looked up for " + id + ".");
            problem.set(keyProblem(id, failure));
        });
    }

    /**
     * Run: the production confirmation, then (if the customer changed since) the lookup of existing users, then
     * the run, journaled before its first request. Refused rows are reported as VALIDATION_ERROR.
     */
    public void start() {
        if (!canRun.get()) {
            return;
        }
        problem.set(null);
        if (!writeGuard.allowWrite()) {
            problem.set(notConfirmed());
            return;
        }
        // the customer and key as they are when Run is pressed: the run is for them, or it does not start
        String id = text(customerId);
        String key = text(ownerKey);
        if (checkedFor(id, key)) {
            launch(id, key);
        } else {
            checkExisting(() -> {
                if (id.equals(text(customerId)) && key.equals(text(ownerKey))) {
                    launch(id, key);
                } else {
                    message.set("Not started: the customer or its key changed while the users were looked up."
                            + " Press Run again.");
                }
            });
        }
    }

    private void launch(String id, String key) {
        Plan plan = preview.preview().plan(); // a snapshot: fixes made from here on are not in this run
        PacedClients.Paced paced = clients.forKey(key);
        clients.runStarting(paced); // a sign-out while it starts must not take its key
        BulkImports.Target target = new BulkImports.Target(origin, id, sandbox);
        BulkImports.Source from = source;
        BulkRun.Options options = run.options(paced.pacer());
        busy.set(Busy.STARTING);
        message.set(String.format("Starting: %,d rows to send, %,d refused.", plan.rows().size(),
                plan.refused().size()));
        runner.run(job -> imports.start(paced.client().api(), target, from, plan, options), started -> {
            busy.set(Busy.NONE);
            preview.sent();
            message.set("Importing " + from.name() + " for " + id + ".");
            run.follow(started, from.name() + " for " + id);
        }, failure -> {
            busy.set(Busy.NONE);
            clients.runEnded();
            message.set("The run did not start; nothing was sent.");
            problem.set(Problem.of(failure));
        });
    }

    /** Looks for runs of this environment that did not finish (read from the data directory, off the FX thread). */
    public void findUnfinished() {
        runner.run(imports::unfinished, found -> {
            String running = run.runningId();
            unfinished.setAll(found.stream().filter(u -> u.origin().equals(origin) && !u.runId().equals(running))
                    .toList());
        }, failure -> LOG.warn("Unfinished bulk imports could not be listed: {}", failure.toString()));
    }

    /**
     * Resumes an unfinished run where its journal left it, with the owner key given for it (or the one above, for
     * the same customer); the key is tried with one read first, so a wrong one sends nothing.
     */
    public void resume(BulkImports.Unfinished u) {
        if (run.activeProperty().get() || busy.get() != Busy.NONE) {
            return;
        }
        String key = text(resumeKey);
        if (key.isEmpty() && u.customerId().equals(text(customerId))) {
            key = text(ownerKey);
        }
        if (key.isEmpty()) {
            problem.set(new Problem("Owner key needed", "Paste the owner key of " + u.customerId()
                    + " to resume its import.", null, null, null, "Its key is not kept anywhere by the console."));
            return;
        }
        problem.set(null);
        if (!writeGuard.allowWrite()) {
            problem.set(notConfirmed());
            return;
        }
        PacedClients.Paced paced = clients.forKey(key);
        clients.runStarting(paced);
        BulkRun.Options options = run.options(paced.pacer());
        busy.set(Busy.STARTING);
        message.set("Resuming the import of " + u.source() + " for " + u.customerId() + "...");
        runner.run(job -> {
            try {
                job.execute(paced.client().api().listUsers(Filter.page(1, 0).asQuery()));
            } catch (ApiException e) {
                if (!e.isNotOffered()) {
                    throw e;
                }
                // a server without the (assumed) user list: the key is tried by the run's first write instead
            }
            return imports.resume(paced.client().api(), u, options);
        }, started -> {
            busy.set(Busy.NONE);
            unfinished.remove(u);
            resumeKey.set("");
            message.set("Resumed the import of " + u.source() + " for " + u.customerId() + ".");
            run.follow(started, u.source() + " for " + u.customerId() + " (resumed)");
        }, failure -> {
            busy.set(Busy.NONE);
            clients.runEnded();
            message.set("The import was not resumed; nothing was sent.");
            problem.set(keyProblem(u.customerId(), failure));
        });
    }

    /** Forgets an unfinished run: what it created stays, and importing the file again reuses it. */
    public void discard(BulkImports.Unfinished u) {
        runner.run(() -> {
            imports.discard(u);
            return u;
        }, gone -> {
            unfinished.remove(gone);
            message.set("Discarded the unfinished import of " + gone.source() + ".");
        }, failure -> problem.set(Problem.of(failure)));
    }

    /** Writes one line per error ({@code row,line,column,value,error}) to fix them in the spreadsheet. */
    public void exportErrors(Path file) {
        Preview shown = preview.preview();
        if (shown == null) {
            return;
        }
        int rows = preview.countsProperty().get().invalid();
        runner.run(() -> {
            StringWriter text = new StringWriter();
            shown.writeErrors(text);
            JsonFiles.writeText(file, text.toString());
            return file;
        }, written -> message.set(String.format("Wrote the errors of %,d rows to %s.", rows, written)),
                failure -> problem.set(new Problem("Not saved", "The errors could not be written to " + file + ": "
                        + failure.getMessage(), null, null, null, "Choose another folder and try again.")));
    }

    /** Saves the template (the header and an example row). */
    public void saveTemplate(Path file) {
        runner.run(() -> {
            JsonFiles.writeText(file, Template.text());
            return file;
        }, saved -> message.set("Saved the template to " + saved + ": one row per user, then open it here."),
                failure -> problem.set(new Problem("Not saved", "The template could not be written to " + file
                        + ": " + failure.getMessage(), null, null, null, "Choose another folder and try again.")));
    }

    private void ended(BulkRun.Outcome outcome) {
        clients.runEnded();
        message.set(switch (outcome.state()) {
            case FINISHED -> "The run finished: its results are under Results (save them as CSV there).";
            case CANCELLED -> "The run was cancelled: its results are under Results.";
            default -> "The run stopped short: its journal is kept, to resume it. Its results so far are under "
                    + "Results.";
        });
        // the customer's users changed: a next run looks them up again, so the rows done are reused
        marksFresh = false;
        if (outcome.state() == BulkRun.State.INCOMPLETE) {
            findUnfinished(); // its journal is kept: offered to resume
        }
    }

    private String whyNotRun() {
        if (run.activeProperty().get()) {
            return "A run is under way.";
        }
        switch (busy.get()) {
            case READING -> {
                return "Reading the file...";
            }
            case CHECKING -> {
                return "Looking up the customer's users...";
            }
            case STARTING -> {
                return "Starting...";
            }
            default -> {
            }
        }
        if (preview.previewProperty().get() == null) {
            return "Open a file to import.";
        }
        if (text(customerId).isEmpty()) {
            return "Enter the customer to import into.";
        }
        if (text(ownerKey).isEmpty()) {
            return "Paste the owner key of " + text(customerId) + ".";
        }
        Preview.Counts c = preview.countsProperty().get();
        if (c.valid() == 0) {
            return "No row can be sent: fix the rows with errors.";
        }
        if (c.invalid() > 0 && !skipInvalid.get()) {
            return String.format("Fix the %,d %s with errors in the table, or skip %s.", c.invalid(),
                    c.invalid() == 1 ? "row" : "rows", c.invalid() == 1 ? "it" : "them");
        }
        return "";
    }

    /** The preview's marks are this customer's, and no run has changed its users since. */
    private boolean checkedFor(String id, String key) {
        return marksFresh && id.equals(markedCustomer) && key.equals(markedKey);
    }

    private void cancelCheck() {
        checking.cancel();
        pendingCustomer = null;
        pendingKey = null;
        doneChecking();
    }

    private void doneChecking() {
        if (busy.get() == Busy.CHECKING) {
            busy.set(Busy.NONE);
        }
    }

    private Problem notConfirmed() {
        return new Problem("Not confirmed", "Nothing was sent: writing to " + environment.name()
                + " was not confirmed.", null, null, null, "Press Run again and type the host name to confirm.");
    }

    private static Problem keyProblem(String customer, Throwable failure) {
        if (failure instanceof ApiException e && (e.httpStatus() == 401 || e.httpStatus() == 403)) {
            return new Problem(e.code(), "The owner key was refused for " + customer + ": " + e.serverMessage()
                    + " (HTTP " + e.httpStatus() + ")", e.code(), e.traceId(), null, "Paste the owner key "
                    + "(customer_secret) of " + customer + " and try again. Nothing was sent.");
        }
        return Problem.of(failure);
    }

    private static Problem fileProblem(Throwable failure) {
        if (failure instanceof SheetException || failure instanceof IOException) {
            return new Problem("File not read", failure.getMessage(), null, null, null,
                    "Fix the file and open it again; the template has the header and an example row.");
        }
        return Problem.of(failure);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String text(StringProperty p) {
        return p.get() == null ? "" : p.get().strip();
    }

    /** A file read and checked off the FX thread. */
    private record Read(Sheet sheet, BulkImports.Source source, Preview preview) {
    }
}
