package com.sovera.console.bulkscreen;

import com.sovera.console.api.BaseUrl;
import com.sovera.console.bulk.BulkImports;
import com.sovera.console.bulk.BulkRun;
import com.sovera.console.bulk.Plan;
import com.sovera.console.config.Environment;
import com.sovera.console.session.SessionCalls;
import com.sovera.console.session.SessionEnd;
import com.sovera.console.ui.Ask;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.WriteGuard;
import com.sovera.console.ui.task.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The bulk onboarding screen without its controls. The operator names the customer (the lookups' customer in
 * context by default, with its owner key) and opens a file ({@link BulkFileViewModel}): it is read and checked off
 * the FX thread, and the customer's users with the file's e-mails are looked up, paced, so their rows are reused
 * ({@link ExistingUsersLookup}). Cells are fixed in place ({@link PreviewViewModel}); nothing is sent while a row has
 * errors unless the operator skips those rows. A run asks the production confirmation first, then is followed by
 * a {@link RunViewModel}. Runs that did not finish are offered to resume or discard ({@link UnfinishedRunsViewModel}).
 * FX thread only; all work goes through the task runner.
 */
public final class BulkViewModel {

    /** What the screen is waiting for. */
    public enum Busy {
        NONE,
        READING,
        CHECKING,
        STARTING
    }

    /** What a run stopped by a sign-out says; the Bulk view offers it to resume. */
    static final String STOPPED_BY_SIGN_OUT = "The session closed, so the run stopped; its journal is kept.";

    /** The customer the file's users go to. */
    public final StringProperty customerId;
    /** Its owner key (customer_secret), in memory only. Another customer typed clears it. */
    public final StringProperty ownerKey;
    /** Send the valid rows and report the others as VALIDATION_ERROR. */
    public final BooleanProperty skipInvalid = new SimpleBooleanProperty();
    /** The owner key given to resume an unfinished run of another customer than the one above. */
    public final StringProperty resumeKey;

    private final ObservableList<String> knownCustomers = FXCollections.observableArrayList();
    private final BulkContext screen;
    private final ExistingUsersLookup existing;
    private final BulkFileViewModel files;
    private final UnfinishedRunsViewModel unfinished;
    private final StringBinding runHint;
    private final BooleanBinding canRun;
    /** The lookups' customer last handed over, and whether a change of the field comes from there. */
    private String contextCustomer;
    private boolean settingCustomer;

    /**
     * @param session       the session in force: each run derives a client of its own from its account's client
     *                      (with the run's owner key and pacer), and the customer's users are looked up in it
     * @param desk          reading and saving files, and following a run: a run is paused or cancelled when its
     *                      session ends (the session's hooks ask), and its last answer must still reach the screen
     * @param dataDirectory where runs keep their journals ({@code bulk-imports/})
     */
    public BulkViewModel(SessionCalls session, TaskRunner desk, Environment environment, Path dataDirectory,
                         Clock clock) {
        String origin = environment.kind() == Environment.Kind.EMBEDDED ? Environment.EMBEDDED_ID
                : BaseUrl.check(session.account().baseUrl());
        this.screen = new BulkContext(environment, desk, session.runner(), new BulkImports(dataDirectory),
                new PacedClients(session.account()), origin);
        this.existing = new ExistingUsersLookup(screen);
        this.files = new BulkFileViewModel(screen, existing, skipInvalid, clock);
        this.unfinished = new UnfinishedRunsViewModel(screen);
        this.customerId = screen.customerId;
        this.ownerKey = screen.ownerKey;
        this.resumeKey = unfinished.resumeKey;
        screen.run.setOnEnded(this::ended);
        // a key belongs to its customer: another customer typed needs its own key
        customerId.addListener((o, was, now) -> {
            if (!settingCustomer) {
                ownerKey.set("");
            }
        });
        PreviewViewModel preview = screen.preview;
        runHint = Bindings.createStringBinding(() -> screen.whyNotRun(skipInvalid.get()), preview.countsProperty(), preview.previewProperty(),
                customerId, ownerKey, skipInvalid, screen.busy, screen.run.activeProperty(), screen.lookupsOnly);
        canRun = Bindings.createBooleanBinding(() -> runHint.get().isEmpty(), runHint);
    }

    /** The first write of a run or a resume asks this (the production confirmation); refused, nothing is sent. */
    public void setWriteGuard(WriteGuard guard) {
        screen.writeGuard = guard;
    }

    /** Who is told of each user a run adopts after a conflict (the desk's audit trail, as reused). */
    public void setAdoptions(com.sovera.console.provision.Provisioner.Adoptions adoptions) {
        screen.run.adoptions = adoptions;
    }

    /**
     * Makes this a lookups desk's Bulk view: a file is still read and previewed, but Run and Resume are refused,
     * with the reason as Run's hint. Discarding an unfinished run (local) is allowed.
     */
    public void setLookupsOnly(boolean value) {
        screen.lookupsOnly.set(value);
    }

    /** True on a lookups desk: no run starts nor resumes. */
    public javafx.beans.value.ObservableBooleanValue lookupsOnlyProperty() {
        return screen.lookupsOnly;
    }

    public PreviewViewModel preview() {
        return screen.preview;
    }

    public RunViewModel run() {
        return screen.run;
    }

    /** Customers to pick from (the lookups' list, when the server offers one). */
    public ObservableList<String> knownCustomers() {
        return knownCustomers;
    }

    /** Runs of this environment that did not finish, oldest first: to resume or discard. */
    public ObservableList<BulkImports.Unfinished> unfinished() {
        return unfinished.list();
    }

    /** What the window says while a bulk import of this environment did not finish; empty once none is left. */
    public StringBinding unfinishedNotice() {
        return unfinished.notice();
    }

    public ReadOnlyObjectProperty<Busy> busyProperty() {
        return screen.busy.getReadOnlyProperty();
    }

    /** What the screen is doing, or what to do next. */
    public StringProperty messageProperty() {
        return screen.message;
    }

    /** Whether, and for whom, the customer's existing users were looked up. */
    public StringProperty existingNoteProperty() {
        return existing.note;
    }

    public ObjectProperty<Problem> problemProperty() {
        return screen.problem;
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
        return screen.sandbox;
    }

    /** The name a save dialog proposes for the results of the file shown. */
    public String resultsFileName() {
        BulkImports.Source source = files.source();
        return RunViewModel.resultsName(source == null ? null : source.name());
    }

    /**
     * The lookups' customer in context (and its key) is the default: it replaces the fields unless the operator
     * chose another customer there. With a file shown, its existing users are looked up for it.
     */
    public void useCustomer(String id, String key) {
        String typed = screen.customer();
        boolean operatorsOwn = !typed.isEmpty() && !typed.equals(contextCustomer);
        contextCustomer = id;
        if (operatorsOwn || id == null) {
            return;
        }
        settingCustomer = true;
        customerId.set(id);
        ownerKey.set(key == null ? "" : key);
        settingCustomer = false;
        if (screen.preview.preview() != null && !existing.checkedFor(id, screen.key())) {
            checkExisting();
        }
    }

    /**
     * The session is closing (a sign-out, or a switch of environment) with a run under way: an idle sign-out stops
     * it short, its journal kept to resume (with the key given again); the operator is asked whether to pause it
     * that way or cancel it, or to stay. False: stay.
     */
    public boolean sessionClosing(SessionEnd end, Ask ask) {
        RunViewModel run = screen.run;
        if (!run.activeProperty().get()) {
            return true;
        }
        int choice = end.idle() ? 0 : ask.choose(end.question(), "A bulk import is under way. " + end.doing()
                + " stops it. Pausing keeps its journal: the Bulk view offers to"
                + " resume it, with the owner key given again. Cancelling stops it for good; importing the file again"
                + " finishes it, creating nothing twice.", List.of("_Pause the import and " + end.verb(),
                "Cancel the _import and " + end.verb(), SessionEnd.STAY));
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
        return !screen.key().isEmpty() || !BulkContext.text(resumeKey).isEmpty();
    }

    /** Sign-out: keys leave memory (a run under way keeps going with the client it started with). */
    public void signedOut() {
        ownerKey.set("");
        resumeKey.set("");
        screen.clients.forget();
        existing.signedOut();
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
        if (id.equals(screen.customer()) && screen.key().endsWith(lastFour)) {
            ownerKey.set("");
            screen.clients.forget();
            screen.message.set("The owner key in use for " + id + " was revoked: paste its new key.");
        }
        if (BulkContext.text(resumeKey).endsWith(lastFour)) {
            resumeKey.set("");
        }
    }

    /** Reads and checks a file off the FX thread, then looks up which of its users the customer has. */
    public void open(Path file) {
        files.open(file);
    }

    /**
     * Looks up (paced) which of the file's e-mails the customer already has: those rows reuse the user. Nothing is
     * sent when they were looked up for this customer and key already, or are being looked up.
     */
    public void checkExisting() {
        existing.check();
    }

    /**
     * Run: the production confirmation, then (if the customer changed since) the lookup of existing users, then
     * the run, journaled before its first request. Refused rows are reported as VALIDATION_ERROR.
     */
    public void start() {
        if (!canRun.get()) {
            return;
        }
        screen.problem.set(null);
        if (!screen.mayWrite()) {
            return;
        }
        // the customer and key as they are when Run is pressed: the run is for them, or it does not start
        String id = screen.customer();
        String key = screen.key();
        if (existing.checkedFor(id, key)) {
            launch(id, key);
        } else {
            existing.check(() -> {
                if (id.equals(screen.customer()) && key.equals(screen.key())) {
                    launch(id, key);
                } else {
                    screen.message.set("Not started: the customer or its key changed while the users were looked up."
                            + " Press Run again.");
                }
            });
        }
    }

    private void launch(String id, String key) {
        Plan plan = screen.preview.preview().plan(); // a snapshot: fixes made from here on are not in this run
        PacedClients.Paced paced = screen.clients.forKey(key);
        screen.clients.runStarting(paced); // a sign-out while it starts must not take its key
        BulkImports.Target target = new BulkImports.Target(screen.origin, id, screen.sandbox);
        BulkImports.Source from = files.source();
        BulkRun.Options options = screen.run.options(paced.pacer());
        screen.busy.set(Busy.STARTING);
        screen.message.set(String.format("Starting: %,d rows to send, %,d refused.", plan.rows().size(),
                plan.refused().size()));
        screen.runner.run(job -> screen.imports.start(paced.client().api(), target, from, plan, options), started -> {
            screen.busy.set(Busy.NONE);
            screen.preview.sent();
            screen.message.set("Importing " + from.name() + " for " + id + ".");
            screen.run.follow(started, from.name() + " for " + id);
        }, failure -> {
            screen.busy.set(Busy.NONE);
            screen.clients.runEnded();
            screen.message.set("The run did not start; nothing was sent.");
            screen.problem.set(Problem.of(failure));
        });
    }

    /** Looks for runs of this environment that did not finish (read from the data directory, off the FX thread). */
    public void findUnfinished() {
        unfinished.find();
    }

    /**
     * Resumes an unfinished run where its journal left it, with the owner key given for it (or the one above, for
     * the same customer); the key is tried with one read first, so a wrong one sends nothing.
     */
    public void resume(BulkImports.Unfinished u) {
        if (!screen.mayWriteHere()) {
            return;
        }
        unfinished.resume(u);
    }

    /** Forgets an unfinished run: what it created stays, and importing the file again reuses it. */
    public void discard(BulkImports.Unfinished u) {
        unfinished.discard(u);
    }

    /** Writes one line per error ({@code row,line,column,value,error}) to fix them in the spreadsheet. */
    public void exportErrors(Path file) {
        files.exportErrors(file);
    }

    /** Where a typed path is checked before a file is saved, off the FX thread. */
    TaskRunner runner() {
        return screen.runner;
    }

    /** Saves the template (the header and an example row). */
    public void saveTemplate(Path file) {
        files.saveTemplate(file);
    }

    private void ended(BulkRun.Outcome outcome) {
        screen.clients.runEnded();
        screen.message.set(switch (outcome.state()) {
            case FINISHED -> "The run finished: its results are under Results (save them as CSV there).";
            case CANCELLED -> "The run was cancelled: its results are under Results.";
            default -> "The run stopped short: its journal is kept, to resume it. Its results so far are under "
                    + "Results.";
        });
        // the customer's users changed: a next run looks them up again, so the rows done are reused
        existing.stale();
        if (outcome.state() == BulkRun.State.INCOMPLETE) {
            findUnfinished(); // its journal is kept: offered to resume
        }
    }
}
