package com.sovera.console.onboarding;

import com.sovera.console.api.model.User;
import com.sovera.console.onboarding.OnboardingViewModel.Origin;
import com.sovera.console.provision.Provisioner;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The user step: create one from the typed fields, or continue from one of the customer's users found. */
final class UserViewModel {

    private final WizardContext wizard;

    final StringProperty userType = new SimpleStringProperty("individual");
    final ObjectProperty<Origin> origin = new SimpleObjectProperty<>(Origin.NEW);
    final StringProperty query = new SimpleStringProperty("");
    final ObjectProperty<User> chosen = new SimpleObjectProperty<>();

    UserViewModel(WizardContext wizard) {
        this.wizard = wizard;
    }

    void act() {
        if (origin.get() == Origin.EXISTING) {
            useExisting(chosen.get());
        } else {
            create();
        }
    }

    boolean inputsValid() {
        return origin.get() == Origin.EXISTING ? chosen.get() != null : wizard.fieldsValid(Step.USER);
    }

    /** Finds the customer's users by the text typed (an e-mail or part of one, or a user id). */
    void find() {
        chosen.set(null);
        wizard.picker.findUsers(query.get());
    }

    private void useExisting(User u) {
        Progress.User existing = existing(u);
        wizard.record(wizard.progress().with(existing));
        summarise(existing);
        wizard.advance();
    }

    private void create() {
        if (!wizard.mayWrite()) {
            return;
        }
        Progress.User was = wizard.progress().user();
        Progress.User typed = new Progress.User(userType.get(), wizard.text(Field.USER_EMAIL),
                wizard.text(Field.FIRST_NAME), wizard.text(Field.LAST_NAME), wizard.text(Field.PHONE),
                wizard.text(Field.DATE_OF_BIRTH), wizard.text(Field.COUNTRY).toUpperCase(Locale.ROOT), null, null);
        Progress.User planned = new Progress.User(typed.userType(), typed.email(), typed.firstName(),
                typed.lastName(), typed.phone(), typed.dateOfBirth(), typed.country(),
                Provisioner.key(was == null ? null : was.key(), wizard.progress().customerId() + typed), null);
        wizard.record(wizard.progress().with(planned));
        wizard.call(() -> wizard.service.createUser(planned), outcome -> {
            String id = outcome.value().userId();
            wizard.record(wizard.progress().with(new Progress.User(planned.userType(), planned.email(),
                    planned.firstName(), planned.lastName(), planned.phone(), planned.dateOfBirth(), planned.country(),
                    planned.key(), id)));
            wizard.summary(Step.USER, "User " + id + (outcome.existed() ? " (found: created by an earlier attempt)"
                    : " (created)"));
            wizard.advance();
        });
    }

    static Progress.User existing(User u) {
        return new Progress.User(u.userType(), u.email(), u.firstName(), u.lastName(), u.phone(), u.dateOfBirth(),
                u.country(), null, u.userId(), true);
    }

    void summarise(Progress.User existing) {
        wizard.summary(Step.USER, "User " + (existing.email() == null ? existing.userId() : existing.email())
                + " (existing)");
    }

    /** The choice back to "new". */
    void reset() {
        origin.set(Origin.NEW);
        query.set("");
        chosen.set(null);
    }

    /** The form empty: nothing of a previous run's user is offered again. */
    void clearForm() {
        for (Field f : Field.of(Step.USER)) {
            wizard.input(f).set("");
        }
    }
}
