package com.sovera.console.bulkscreen;

import com.sovera.console.bulk.ExistingUsers;
import com.sovera.console.bulk.Preview;
import com.sovera.console.ui.task.Latest;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Which of the file's users the customer has already (looked up paced, with its owner key): the preview marks
 * those rows to reuse them. Remembers for which customer and key the marks stand, so nothing is asked twice.
 */
final class ExistingUsersLookup {

    private final BulkContext screen;
    private final Latest checking;
    /** Whether, and for whom, the customer's existing users were looked up. */
    private static final String NOT_YET =
            "Existing users are not looked up yet: enter the customer and paste its owner key.";
    final StringProperty note = new SimpleStringProperty("");
    /** The customer and key whose users marked the preview; null while none did. */
    private String markedCustomer;
    private String markedKey;
    /** False once a run has changed the customer's users: the next run looks them up again. */
    private boolean marksFresh;
    /** The customer and key of the lookup under way, if any. */
    private String pendingCustomer;
    private String pendingKey;

    ExistingUsersLookup(BulkContext screen) {
        this.screen = screen;
        this.checking = new Latest(screen.sessionCalls);
    }

    /** Looks up, unless it was for this customer and key already, or is being. */
    void check() {
        String id = screen.customer();
        String key = screen.key();
        if (checkedFor(id, key) || (id.equals(pendingCustomer) && key.equals(pendingKey))) {
            return;
        }
        check(null);
    }

    /** Looks up for the customer and key typed now; {@code then} runs once the preview is marked. */
    void check(Runnable then) {
        Preview shown = screen.preview.preview();
        String id = screen.customer();
        String key = screen.key();
        if (shown == null) {
            return;
        }
        if (id.isEmpty() || key.isEmpty()) {
            note.set(NOT_YET);
            return;
        }
        if (markedCustomer != null && !(id.equals(markedCustomer) && key.equals(markedKey))) {
            screen.preview.forgetExisting(); // the marks were another customer's
            markedCustomer = null;
            markedKey = null;
        }
        List<String> emails = shown.emails();
        PacedClients.Paced paced = screen.clients.forKey(key);
        // a run still starting stays STARTING: Run must not be offered twice
        if (screen.busy.get() == BulkViewModel.Busy.NONE) {
            screen.busy.set(BulkViewModel.Busy.CHECKING);
        }
        screen.problem.set(null);
        note.set("Looking up which of these users " + id + " already has...");
        pendingCustomer = id;
        pendingKey = key;
        checking.load(job -> ExistingUsers.find(paced.client().api(), emails, job::isCancelled), found -> {
            doneChecking();
            pendingCustomer = null;
            pendingKey = null;
            screen.preview.markExisting(found);
            markedCustomer = id;
            markedKey = key;
            marksFresh = true;
            note.set(String.format("Looked up for %s: %,d of these users exist already and are reused, "
                    + "not created again.", id, found.size()));
            if (then != null) {
                then.run();
            }
        }, failure -> {
            doneChecking();
            pendingCustomer = null;
            pendingKey = null;
            note.set("Existing users were not looked up for " + id + ".");
            screen.problem.set(BulkContext.keyProblem(id, failure));
        });
    }

    /** The preview's marks are this customer's, and no run has changed its users since. */
    boolean checkedFor(String id, String key) {
        return marksFresh && id.equals(markedCustomer) && key.equals(markedKey);
    }

    /** The marks no longer stand (another file, or a sign-out); {@code forgetMarks} also clears the preview's. */
    void forget(boolean forgetMarks) {
        if (forgetMarks) {
            screen.preview.forgetExisting(); // the next lookup, with a key given again, marks them anew
        }
        markedCustomer = null;
        markedKey = null;
        marksFresh = false;
    }

    /** A run changed the customer's users: a next run looks them up again, so the rows done are reused. */
    void stale() {
        marksFresh = false;
    }

    /**
     * Sign-out: the lookup under way is dropped and the marks are the key's no more; the line under the preview
     * says so (it read "Looking up..." with nothing running, or the users found with marks already cleared).
     */
    void signedOut() {
        cancel();
        forget(true);
        if (screen.preview.preview() != null) {
            note.set(NOT_YET);
        }
    }

    void cancel() {
        checking.cancel();
        pendingCustomer = null;
        pendingKey = null;
        doneChecking();
    }

    private void doneChecking() {
        if (screen.busy.get() == BulkViewModel.Busy.CHECKING) {
            screen.busy.set(BulkViewModel.Busy.NONE);
        }
    }
}
