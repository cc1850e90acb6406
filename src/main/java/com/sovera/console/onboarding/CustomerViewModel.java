package com.sovera.console.onboarding;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.model.Rules;
import com.sovera.console.onboarding.OnboardingViewModel.Origin;
import com.sovera.console.provision.Provisioner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The customer step: create one from the typed fields, or continue from one that exists. */
final class CustomerViewModel {

    private final WizardContext wizard;
    private final CredentialsViewModel credentials;

    final ObjectProperty<Origin> origin = new SimpleObjectProperty<>(Origin.NEW);
    final StringProperty existingId = new SimpleStringProperty("");

    CustomerViewModel(WizardContext wizard, CredentialsViewModel credentials) {
        this.wizard = wizard;
        this.credentials = credentials;
        // the account's customers are asked for only when the operator wants an existing one
        origin.addListener((o, was, now) -> {
            if (now == Origin.EXISTING && wizard.session.accountProperty().get() != null) {
                wizard.picker.loadCustomers();
            }
        });
        wizard.session.accountProperty().addListener((o, was, now) -> {
            if (now != null && origin.get() == Origin.EXISTING) {
                wizard.picker.loadCustomers();
            }
        });
    }

    void act() {
        if (origin.get() == Origin.EXISTING) {
            useExisting();
        } else {
            create();
        }
    }

    boolean inputsValid() {
        return origin.get() == Origin.EXISTING ? Rules.slug(existingId.get()) == null
                : wizard.fieldsValid(Step.CUSTOMER);
    }

    private void create() {
        if (!wizard.mayWrite()) {
            return;
        }
        String email = wizard.text(Field.CUSTOMER_EMAIL);
        String id = wizard.text(Field.CUSTOMER_ID);
        String name = wizard.text(Field.ENTITY_NAME);
        Progress.Customer was = wizard.progress().customer();
        Progress.Customer planned = new Progress.Customer(email, id, name, Provisioner.key(
                was == null ? null : was.key(), email + "|" + id + "|" + name), false);
        wizard.record(wizard.progress().with(planned));
        wizard.call(() -> wizard.service.createCustomer(planned), outcome -> {
            wizard.record(wizard.progress().with(new Progress.Customer(email, id, name, planned.key(), true)));
            wizard.session.customerIdProperty().set(outcome.value().customerId());
            wizard.summary(Step.CUSTOMER, "Customer " + outcome.value().customerId()
                    + (outcome.existed() ? " (found: created by an earlier attempt)" : " (created)"));
            wizard.advance();
        });
    }

    /** Continues from a customer that exists: checked with the (assumed) customer read where it is offered. */
    private void useExisting() {
        String id = existingId.get().strip();
        boolean listOffered = wizard.picker.customersOfferedProperty().get();
        wizard.call(() -> {
            try {
                return wizard.service.client().api().getCustomer(id).execute();
            } catch (ApiException e) {
                if (e.isNotOffered() && !listOffered) {
                    return null; // a server without the customer lookups: the typed id is taken as it is
                }
                throw e;
            }
        }, found -> {
            boolean checked = found != null;
            wizard.record(wizard.progress().with(new Progress.Customer(checked ? found.email() : null, id,
                    checked ? found.entityName() : null, null, true, true)));
            wizard.session.customerIdProperty().set(id);
            wizard.summary(Step.CUSTOMER, "Customer " + id + (checked ? " (existing)"
                    : " (existing; not checked: this server does not offer customer lookups)"));
            wizard.keyAccepted.set(false);
            credentials.keySource.set(credentials.keyAtHand());
            wizard.advance();
        });
    }
}
