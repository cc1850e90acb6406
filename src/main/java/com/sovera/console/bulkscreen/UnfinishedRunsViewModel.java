package com.sovera.console.bulkscreen;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.bulk.BulkImports;
import com.sovera.console.bulk.BulkRun;
import com.sovera.console.ui.Problem;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs that did not finish (the console was closed or killed, or the session closed under them): found in the
 * data directory, offered to resume with the customer's key given again, or to discard.
 */
final class UnfinishedRunsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(UnfinishedRunsViewModel.class);

    private final BulkContext screen;
    private final ObservableList<BulkImports.Unfinished> unfinished = FXCollections.observableArrayList();
    /** The owner key given to resume an unfinished run of another customer than the one typed. */
    final StringProperty resumeKey = new SimpleStringProperty("");

    UnfinishedRunsViewModel(BulkContext screen) {
        this.screen = screen;
    }

    /** Runs of this environment that did not finish, oldest first. */
    ObservableList<BulkImports.Unfinished> list() {
        return unfinished;
    }

    /** What the window says while a bulk import of this environment did not finish; empty once none is left. */
    StringBinding notice() {
        return Bindings.createStringBinding(() -> unfinished.isEmpty() ? ""
                : "A bulk import did not finish: open Bulk to resume or discard it.", unfinished);
    }

    /** Looks for runs of this environment that did not finish (read from the data directory, off the FX thread). */
    void find() {
        screen.runner.run(screen.imports::unfinished, found -> {
            String running = screen.run.runningId();
            unfinished.setAll(found.stream().filter(u -> u.origin().equals(screen.origin)
                    && !u.runId().equals(running)).toList());
        }, failure -> LOG.warn("Unfinished bulk imports could not be listed: {}", failure.toString()));
    }

    /**
     * Resumes an unfinished run where its journal left it, with the owner key given for it (or the one typed, for
     * the same customer); the key is tried with one read first, so a wrong one sends nothing.
     */
    void resume(BulkImports.Unfinished u) {
        if (screen.run.activeProperty().get() || screen.busy.get() != BulkViewModel.Busy.NONE) {
            return;
        }
        String key = BulkContext.text(resumeKey);
        if (key.isEmpty() && u.customerId().equals(screen.customer())) {
            key = screen.key();
        }
        if (key.isEmpty()) {
            screen.problem.set(new Problem("Owner key needed", "Paste the owner key of " + u.customerId()
                    + " to resume its import.", null, null, null, "Its key is not kept anywhere by the console."));
            return;
        }
        screen.problem.set(null);
        if (!screen.mayWrite()) {
            return;
        }
        PacedClients.Paced paced = screen.clients.forKey(key);
        screen.clients.runStarting(paced);
        BulkRun.Options options = screen.run.options(paced.pacer());
        screen.busy.set(BulkViewModel.Busy.STARTING);
        screen.message.set("Resuming the import of " + u.source() + " for " + u.customerId() + "...");
        screen.runner.run(job -> {
            try {
                job.execute(paced.client().api().listUsers(Filter.page(1, 0).asQuery()));
            } catch (ApiException e) {
                if (!e.isNotOffered()) {
                    throw e;
                }
                // a server without the (assumed) user list: the key is tried by the run's first write instead
            }
            return screen.imports.resume(paced.client().api(), u, options);
        }, started -> {
            screen.busy.set(BulkViewModel.Busy.NONE);
            unfinished.remove(u);
            resumeKey.set("");
            screen.message.set("Resumed the import of " + u.source() + " for " + u.customerId() + ".");
            screen.run.follow(started, u.source() + " for " + u.customerId() + " (resumed)");
        }, failure -> {
            screen.busy.set(BulkViewModel.Busy.NONE);
            screen.clients.runEnded();
            screen.message.set("The import was not resumed; nothing was sent.");
            screen.problem.set(BulkContext.keyProblem(u.customerId(), failure));
        });
    }

    /** Forgets an unfinished run: what it created stays, and importing the file again reuses it. */
    void discard(BulkImports.Unfinished u) {
        screen.runner.run(() -> {
            screen.imports.discard(u);
            return u;
        }, gone -> {
            unfinished.remove(gone);
            screen.message.set("Discarded the unfinished import of " + gone.source() + ".");
        }, failure -> screen.problem.set(Problem.of(failure)));
    }
}
