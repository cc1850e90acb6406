package com.sovera.console.bulkscreen;

import com.sovera.console.api.ApiException;
import com.sovera.console.bulk.BulkImports;
import com.sovera.console.config.Environment;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.WriteGuard;
import com.sovera.console.ui.task.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the parts of the Bulk screen share: where runs go (environment, origin, journals, paced clients), the
 * customer and key typed, and what the screen says (busy, message, problem). FX thread only.
 */
final class BulkContext {

    final Environment environment;
    /** The desk's work: reading and saving files, and following a run (which outlives no session: it is paused or
     * cancelled when its session ends, and says so through this runner). */
    final TaskRunner runner;
    /** Calls made for the session in force (the customer's users looked up): a sign-out drops their answers. */
    final TaskRunner sessionCalls;
    final BulkImports imports;
    final PacedClients clients;
    final String origin;
    final boolean sandbox;
    final PreviewViewModel preview = new PreviewViewModel();
    final RunViewModel run;
    WriteGuard writeGuard = WriteGuard.ALWAYS;
    /** The administrator set this desk for lookups: no run starts nor resumes here (discarding is local). */
    final javafx.beans.property.BooleanProperty lookupsOnly = new javafx.beans.property.SimpleBooleanProperty();

    /** The customer the file's users go to. */
    final StringProperty customerId = new SimpleStringProperty("");
    /** Its owner key (customer_secret), in memory only. Another customer typed clears it. */
    final StringProperty ownerKey = new SimpleStringProperty("");
    final ReadOnlyObjectWrapper<BulkViewModel.Busy> busy = new ReadOnlyObjectWrapper<>(BulkViewModel.Busy.NONE);
    final StringProperty message = new SimpleStringProperty(
            "Open a CSV file of users, or download the template to fill in.");
    final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();

    BulkContext(Environment environment, TaskRunner runner, TaskRunner sessionCalls, BulkImports imports,
                PacedClients clients, String origin) {
        this.environment = environment;
        this.runner = runner;
        this.sessionCalls = sessionCalls;
        this.imports = imports;
        this.clients = clients;
        this.origin = origin;
        this.sandbox = !environment.isProductionLike();
        this.run = new RunViewModel(runner);
    }

    String customer() {
        return text(customerId);
    }

    String key() {
        return text(ownerKey);
    }

    /** False on a lookups desk, the problem then saying so; asks nothing (the resume asks its own confirmation). */
    boolean mayWriteHere() {
        if (lookupsOnly.get()) {
            problem.set(new Problem("Lookups only", "Nothing was sent: "
                    + com.sovera.console.policy.Policy.LOOKUPS_ONLY + ".", null, null, null,
                    "Import on a desk set for onboarding; an unfinished import may be discarded here."));
            return false;
        }
        return true;
    }

    /** The production confirmation for a run or a resume; refused, the screen says nothing was sent. */
    boolean mayWrite() {
        if (!mayWriteHere()) {
            return false;
        }
        if (writeGuard.allowWrite()) {
            return true;
        }
        problem.set(new Problem("Not confirmed", "Nothing was sent: writing to " + environment.name()
                + " was not confirmed.", null, null, null, "Press Run again and type the host name to confirm."));
        return false;
    }

    static Problem keyProblem(String customer, Throwable failure) {
        if (failure instanceof ApiException e && (e.httpStatus() == 401 || e.httpStatus() == 403)) {
            return new Problem(e.code(), "The owner key was refused for " + customer + ": " + e.serverMessage()
                    + " (HTTP " + e.httpStatus() + ")", e.code(), e.traceId(), null, "Paste the owner key "
                    + "(customer_secret) of " + customer + " and try again. Nothing was sent.");
        }
        return Problem.of(failure);
    }

    static String text(StringProperty p) {
        return p.get() == null ? "" : p.get().strip();
    }

    /** Why Run cannot be pressed now (skipping the rows with errors or not); empty when it can. */
    String whyNotRun(boolean skipInvalid) {
        if (lookupsOnly.get()) {
            return com.sovera.console.policy.Policy.LOOKUPS_ONLY + ".";
        }
        if (run.activeProperty().get()) {
            return "A run is under way.";
        }
        String doing = switch (busy.get()) {
            case READING -> "Reading the file...";
            case CHECKING -> "Looking up the customer's users...";
            case STARTING -> "Starting...";
            default -> "";
        };
        if (!doing.isEmpty()) {
            return doing;
        }
        if (preview.previewProperty().get() == null) {
            return "Open a file to import.";
        }
        if (customer().isEmpty()) {
            return "Enter the customer to import into.";
        }
        if (key().isEmpty()) {
            return "Paste the owner key of " + customer() + ".";
        }
        com.sovera.console.bulk.Preview.Counts c = preview.countsProperty().get();
        if (c.valid() == 0) {
            return "No row can be sent: fix the rows with errors.";
        }
        if (c.invalid() > 0 && !skipInvalid) {
            return String.format("Fix the %,d %s with errors in the table, or skip %s.", c.invalid(),
                    c.invalid() == 1 ? "row" : "rows", c.invalid() == 1 ? "it" : "them");
        }
        return "";
    }
}
