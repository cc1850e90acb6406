package com.sovera.console.deposit;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The address panel's <em>Read back</em> mode: the address shown, said group by group, and what the operator types
 * as the customer reads it back, compared as they type. What was heard belongs to the address it was heard for: a
 * new address (or none) clears it. Offered only for an address that passed every check.
 */
public final class ReadBackViewModel {

    private final ReadOnlyObjectWrapper<ReadBack> address = new ReadOnlyObjectWrapper<>();
    private final StringProperty heard = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ReadBack.Verdict> verdict =
            new ReadOnlyObjectWrapper<>(new ReadBack.Verdict(ReadBack.Kind.NOTHING, ""));
    private final BooleanProperty open = new SimpleBooleanProperty();

    public ReadBackViewModel() {
        heard.addListener((o, was, now) -> judge());
        address.addListener((o, was, now) -> {
            heard.set("");
            judge();
            if (now == null) {
                open.set(false);
            }
        });
    }

    /** Shows the result's address for reading back, or nothing when it has none or it failed a check. */
    public void show(DepositCheck.Result result) {
        ReadBack next = result == null || !result.ok() ? null
                : ReadBack.of(result.address().address(), result.address().currency(), result.network());
        ReadBack now = address.get();
        if (now == null || next == null || !now.address().equals(next.address())
                || !now.assetAndNetwork().equals(next.assetAndNetwork())) {
            address.set(next);
        }
    }

    private void judge() {
        ReadBack shown = address.get();
        verdict.set(shown == null ? new ReadBack.Verdict(ReadBack.Kind.NOTHING, "") : shown.compare(heard.get()));
    }

    /** The address to read back; null when there is none to read. */
    public ReadOnlyObjectProperty<ReadBack> addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** What the operator typed as the customer read it back. */
    public StringProperty heardProperty() {
        return heard;
    }

    /** How what was heard compares with the address. */
    public ReadOnlyObjectProperty<ReadBack.Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** Whether the mode is open; it closes when there is no address to read. */
    public BooleanProperty openProperty() {
        return open;
    }
}
