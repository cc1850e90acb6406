package com.sovera.console.onboarding;

import static com.sovera.console.onboarding.StepForms.shownFor;

import com.sovera.console.ui.FieldRow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The customer step: a new customer's fields, or an existing one found by its id. */
final class CustomerStepView {

    private CustomerStepView() {
    }

    static Node of(StepForms kit) {
        OnboardingViewModel model = kit.model;
        VBox created = new VBox(10, kit.text("Customer e-mail", Field.CUSTOMER_EMAIL),
                kit.text("Customer id (slug)", Field.CUSTOMER_ID),
                kit.text("Entity name", Field.ENTITY_NAME));
        TextField id = new TextField();
        id.textProperty().bindBidirectional(model.existingCustomerId);
        id.setPromptText("customer id");
        var suggestions = org.controlsfx.control.textfield.TextFields.bindAutoCompletion(id, request ->
                new com.sovera.console.ui.TypeAhead<>(model.picker().customers(), c -> c, c -> "")
                        .matches(request.getUserText(), 20));
        // a click elsewhere closes the suggestions and still does what it was for (Use customer, say)
        suggestions.getAutoCompletionPopup().setConsumeAutoHidingEvents(false);
        Label typed = new Label();
        typed.setId("existing-customer-note");
        typed.textProperty().bind(model.picker().customersNoteProperty());
        typed.visibleProperty().bind(model.picker().customersNoteProperty().isNotEmpty());
        typed.managedProperty().bind(typed.visibleProperty());
        VBox existing = new VBox(6, new FieldRow("Customer id (type to search the account's customers)", id,
                "existing-customer"), typed);
        kit.lock(Step.CUSTOMER, id);
        return kit.form("The customer", kit.origin(model.customerOrigin, "New customer", "Existing customer",
                "customer", Step.CUSTOMER), shownFor(created, model.customerOrigin, OnboardingViewModel.Origin.NEW),
                shownFor(existing, model.customerOrigin, OnboardingViewModel.Origin.EXISTING));
    }
}
