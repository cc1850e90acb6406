package com.sovera.console.session;

import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Who is signed in, until when, and for which customer: what the header shows. FX thread only. */
public final class SessionState {

    private final StringProperty account = new SimpleStringProperty();
    private final ObjectProperty<Instant> expires = new SimpleObjectProperty<>();
    private final StringProperty customerId = new SimpleStringProperty();

    public StringProperty accountProperty() {
        return account;
    }

    public ObjectProperty<Instant> expiresProperty() {
        return expires;
    }

    public StringProperty customerIdProperty() {
        return customerId;
    }

    public void signedIn(String email, Instant until) {
        account.set(email);
        expires.set(until);
    }

    public void signedOut() {
        account.set(null);
        expires.set(null);
        customerId.set(null);
    }
}
