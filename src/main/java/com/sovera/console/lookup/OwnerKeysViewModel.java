package com.sovera.console.lookup;

import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.CustomerCredentials;
import com.sovera.console.api.model.OwnerKey;
import com.sovera.console.provision.Provisioner;
import com.sovera.console.session.SessionCalls;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.WriteGuard;
import com.sovera.console.ui.task.Latest;
import com.sovera.console.ui.task.TaskRunner;
import java.util.UUID;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One customer's owner keys (the assumed {@code /customers/{id}/credentials}): listed without their secrets,
 * revoked once the operator types the key's last four characters, rotated (a new key shown once and confirmed, then
 * the old one revoked). Whoever holds a revoked key (the wizard, the lookups, the keychain) is told to drop it.
 * FX thread only.
 */
public final class OwnerKeysViewModel {

    /** Where a rotation stands. */
    public enum Rotation { NONE, MINTING, SHOWN, REVOKING }

    public final ObjectProperty<OwnerKey> selected = new SimpleObjectProperty<>();
    /** The last four characters the operator typed to revoke the selected key. */
    public final StringProperty revokeTyped = new SimpleStringProperty("");
    /** The rotated-in key while it is shown once, and what the operator typed to confirm it. */
    public final StringProperty newSecret = new SimpleStringProperty();
    public final StringProperty newLastFour = new SimpleStringProperty("");

    private final SovxClient session;
    private final TaskRunner runner;
    private final PagedViewModel<OwnerKey> list;
    private final Latest write;
    /** The customer on screen: a write's answer fills the screen only while its round is current. */
    private final Latest shown;
    private Latest.Round showing;
    private final BooleanBinding canRevoke;
    private final BooleanBinding canRotate;
    private final BooleanBinding canFinishRotation;
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Rotation> rotation = new SimpleObjectProperty<>(Rotation.NONE);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** The administrator set this desk for lookups: the keys are listed, never revoked nor rotated here. */
    private final BooleanProperty lookupsOnly = new SimpleBooleanProperty();
    private WriteGuard writeGuard = WriteGuard.ALWAYS;
    private BiConsumer<String, String> onRevoked = (customer, lastFour) -> { };
    private BiConsumer<String, String> onRotated = (customer, key) -> { };
    private BiConsumer<String, String> onMinted = (customer, key) -> { };
    private BiConsumer<String, String> onConfirmed = (customer, key) -> { };
    private String customerId;
    private OwnerKey rotating;
    private String mintKey;
    private String mintKeyCustomer;

    /** @param calls the session's (keys are managed by the account, through its client) */
    public OwnerKeysViewModel(SessionCalls calls) {
        this.session = calls.account();
        this.runner = calls.runner();
        this.list = new PagedViewModel<>(f -> session.api().listCredentials(customerId, f.asQuery()), runner,
                "created_at");
        this.write = new Latest(runner);
        this.shown = new Latest(runner);
        this.showing = shown.begin();
        selected.addListener((o, was, now) -> revokeTyped.set(""));
        this.canRevoke = Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().isRevoked()
                        && selected.get().lastFour() != null && selected.get().lastFour().equals(revokeTyped.get())
                        && !busy.get() && rotation.get() == Rotation.NONE && !lookupsOnly.get(),
                selected, revokeTyped, busy, rotation, lookupsOnly);
        this.canRotate = Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().isRevoked()
                && !busy.get() && rotation.get() == Rotation.NONE && !lookupsOnly.get(), selected, busy, rotation,
                lookupsOnly);
        this.canFinishRotation = Bindings.createBooleanBinding(() -> {
            String key = newSecret.get();
            return rotation.get() == Rotation.SHOWN && key != null && key.length() >= 4
                    && key.substring(key.length() - 4).equals(newLastFour.get()) && !busy.get();
        }, rotation, newSecret, newLastFour, busy);
    }

    public PagedViewModel<OwnerKey> list() {
        return list;
    }

    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<Rotation> rotationProperty() {
        return rotation;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public void setWriteGuard(WriteGuard guard) {
        this.writeGuard = guard;
    }

    /** Makes this a lookups desk's key list: Revoke and Rotate are offered disabled. */
    public void setLookupsOnly(boolean value) {
        lookupsOnly.set(value);
    }

    /** True on a lookups desk: no key is revoked nor rotated here. */
    public javafx.beans.value.ObservableBooleanValue lookupsOnlyProperty() {
        return lookupsOnly;
    }

    /** Told (customer id, last four) of each key revoked here, to drop it wherever the console holds it. */
    public void setOnRevoked(BiConsumer<String, String> value) {
        this.onRevoked = value;
    }

    /** Told (customer id, new key) when a rotation finished, so what used the old key can use the new one. */
    public void setOnRotated(BiConsumer<String, String> value) {
        this.onRotated = value;
    }

    /**
     * Told (customer id, new key) of each key minted here, shown or not: until {@link #setOnConfirmed} names it,
     * nobody confirmed storing it.
     */
    public void setOnMinted(BiConsumer<String, String> value) {
        this.onMinted = value;
    }

    /** Told (customer id, new key) when the operator confirms a rotated-in key by its last four characters. */
    public void setOnConfirmed(BiConsumer<String, String> value) {
        this.onConfirmed = value;
    }

    /**
     * The customer whose keys are shown; null shows none. Anything under way for another customer is dropped. The
     * same customer again lists its keys anew (a key minted elsewhere meanwhile, F5), keeping a rotation on screen.
     */
    public void show(String customer) {
        if (java.util.Objects.equals(customer, customerId)) {
            if (customer != null) {
                list.load();
            }
            return;
        }
        // a revoke or a mint under way is let finish (its holders are told; a minted key is reported), only its
        // effect on this screen is skipped
        String left = rotation.get() == Rotation.SHOWN ? newSecret.get() : null;
        String leftCustomer = customerId;
        endRotation();
        customerId = customer;
        showing = shown.begin(); // a write under way for the customer before reports, but not on this screen
        selected.set(null);
        problem.set(null);
        message.set(left == null || customer == null ? "" : "The new key …" + left.substring(left.length() - 4)
                + " of " + leftCustomer + " was shown once and not confirmed; it left the screen and stays valid, and"
                + " so does the old one: revoke whichever was not stored.");
        if (customer == null) {
            list.clear();
        } else {
            list.query(com.sovera.console.api.Filter.none(), java.util.List.of());
        }
    }

    /** Revoke is allowed for a live key once its last four characters are typed. */
    public BooleanBinding canRevoke() {
        return canRevoke;
    }

    /** Rotate is allowed for a live key when nothing else is under way. */
    public BooleanBinding canRotate() {
        return canRotate;
    }

    public void revoke() {
        OwnerKey key = selected.get();
        if (!canRevoke().get() || !mayWrite()) {
            return;
        }
        revokeKey(key, () -> message.set("Key …" + key.lastFour() + " revoked: it is refused everywhere from now."));
    }

    /** Mints a new key for the customer (shown once); the old one is revoked once the new one is confirmed. */
    public void rotate() {
        OwnerKey old = selected.get();
        if (!canRotate().get() || !mayWrite()) {
            return;
        }
        rotating = old;
        String customer = customerId;
        Latest.Round screen = showing;
        // the same key while this customer's mint has not answered (a retry then replays it), a new one otherwise
        if (mintKey == null || !customer.equals(mintKeyCustomer)) {
            mintKey = UUID.randomUUID().toString();
            mintKeyCustomer = customer;
        }
        String idempotency = mintKey;
        rotation.set(Rotation.MINTING);
        busy.set(true);
        problem.set(null);
        write.load(job -> new Provisioner(session.api(), Provisioner.KeyJournal.NONE).ownerKey(customer,
                idempotency), (CustomerCredentials minted) -> {
                    busy.set(false);
                    mintKey = null;
                    String fresh = minted.customerSecret();
                    onMinted.accept(customer, fresh);
                    if (!screen.isCurrent()) {
                        // the operator moved on while it was minted: it is valid, and nobody saw it
                        message.set("A new owner key ending in " + fresh.substring(fresh.length() - 4) + " was minted"
                                + " for " + customer + " while you moved on; it was not shown: revoke it there.");
                        return;
                    }
                    newLastFour.set("");
                    newSecret.set(fresh);
                    rotation.set(Rotation.SHOWN);
                    list.load();
                }, failure -> {
                    busy.set(false);
                    if (screen.isCurrent()) {
                        rotation.set(Rotation.NONE);
                        problem.set(Problem.of(failure));
                    }
                }).onCancel(() -> {
                    // dropped unanswered (the session closed): Rotate is offered again; a retry replays this mint
                    busy.set(false);
                    if (rotation.get() == Rotation.MINTING) {
                        rotation.set(Rotation.NONE);
                    }
                });
    }

    /** The new key is confirmed by its last four characters: the old one is revoked. */
    public BooleanBinding canFinishRotation() {
        return canFinishRotation;
    }

    public void finishRotation() {
        if (!canFinishRotation().get()) {
            return;
        }
        String customer = customerId;
        String fresh = newSecret.get();
        OwnerKey old = rotating;
        onConfirmed.accept(customer, fresh); // the operator typed its last four: stored
        rotation.set(Rotation.REVOKING);
        revokeKey(old, () -> {
            endRotation();
            onRotated.accept(customer, fresh);
            message.set("Rotated: the new key is in use here; key …" + old.lastFour() + " is revoked.");
        });
    }

    /**
     * The session is about to close: a rotated-in key shown once and not yet confirmed is lost with it, so the
     * operator is asked first (an idle sign-out drops it; the next sign-in names it). False: stay signed in.
     */
    public boolean sessionClosing(com.sovera.console.session.SessionEnd end, com.sovera.console.ui.Ask ask) {
        String fresh = newSecret.get();
        if (end.idle() || rotation.get() != Rotation.SHOWN || fresh == null) {
            return true;
        }
        return ask.choose(end.question(), "The new owner key ending in " + fresh.substring(fresh.length() - 4)
                + " was shown once and you have not confirmed storing it; the old key is not revoked yet. "
                + end.doing() + " takes the new key off the screen for good (it stays valid: revoke it if it was not"
                + " stored).", end.goOrStay()) == 0;
    }

    /** The customer whose rotation is under way (its new key shown), or null. */
    public String rotatingCustomer() {
        return rotation.get() == Rotation.NONE ? null : customerId;
    }

    /** The operator stops a rotation with the new key on screen: it leaves the screen and stays valid. */
    public void abandonRotation() {
        if (rotation.get() != Rotation.SHOWN) {
            return;
        }
        String fresh = newSecret.get();
        endRotation();
        message.set("Rotation stopped: the new key …" + fresh.substring(fresh.length() - 4) + " stays valid and the"
                + " old one too; revoke whichever was not stored.");
    }

    private void revokeKey(OwnerKey key, Runnable done) {
        String customer = customerId;
        Latest.Round screen = showing;
        busy.set(true);
        problem.set(null);
        write.load(job -> job.execute(session.api().revokeCredential(customer, key.keyId())), revoked -> {
            busy.set(false);
            onRevoked.accept(customer, revoked.lastFour()); // whatever is selected now: its holders must drop it
            if (screen.isCurrent()) {
                revokeTyped.set("");
                done.run();
                list.load();
            }
        }, failure -> {
            busy.set(false);
            if (!screen.isCurrent()) {
                // the operator moved on believing the key shut off: say it is not, wherever they are now
                message.set("Revoking key …" + key.lastFour() + " of " + customer + " failed (" + Problem.of(failure)
                        .title() + "): it still works. Open " + customer + " and revoke it again.");
                return;
            }
            if (rotation.get() == Rotation.REVOKING) {
                rotation.set(Rotation.SHOWN); // the new key stays on screen until the old one is revoked
            }
            problem.set(Problem.of(failure));
        }).onCancel(() -> {
            // dropped unanswered (the session closed): the key may still work; the list says
            busy.set(false);
            if (rotation.get() == Rotation.REVOKING) {
                rotation.set(Rotation.SHOWN);
            }
        });
    }

    private void endRotation() {
        newSecret.set(null);
        newLastFour.set("");
        rotating = null;
        rotation.set(Rotation.NONE);
    }

    private boolean mayWrite() {
        if (writeGuard.allowWrite()) {
            return true;
        }
        problem.set(new Problem("Not confirmed", "Nothing was changed: the write was not confirmed.", null, null,
                null, "Confirm to write to this environment."));
        return false;
    }
}
