package com.sovera.console.onboarding;

import static com.sovera.console.onboarding.StepForms.shownFor;

import com.sovera.console.ui.FieldRow;
import com.sovera.console.ui.Icons;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The user step: a new user's fields, or one of the customer's users found by e-mail or id. */
final class UserStepView {

    private UserStepView() {
    }

    static Node of(StepForms kit) {
        OnboardingViewModel model = kit.model;
        ComboBox<String> type = new ComboBox<>(FXCollections.observableArrayList("individual", "business"));
        type.valueProperty().bindBidirectional(model.userType);
        FieldRow typeRow = new FieldRow("Type", type, "user_type");
        CountryField country = new CountryField(model.input(Field.COUNTRY));
        FieldRow countryRow = new FieldRow("Country (ISO code or name)", country.field, Field.COUNTRY.fxId());
        countryRow.getChildren().add(country.matches);
        kit.rows.put(Field.COUNTRY, countryRow);
        model.input(Field.COUNTRY).addListener((o, w, n) -> kit.hint(Field.COUNTRY, countryRow));
        kit.lock(Step.USER, type, country.field);
        VBox created = new VBox(10, typeRow, kit.text("E-mail", Field.USER_EMAIL),
                kit.text("First name", Field.FIRST_NAME), kit.text("Last name", Field.LAST_NAME),
                kit.text("Phone (E.164)", Field.PHONE),
                kit.text("Date of birth (YYYY-MM-DD)", Field.DATE_OF_BIRTH),
                countryRow);
        TextField query = new TextField();
        query.setId("user-query");
        query.setPromptText("e-mail (or part of it) or user id");
        query.textProperty().bindBidirectional(model.userQuery);
        query.setOnAction(e -> model.findUsers());
        Button find = Icons.button("_Find", "fth-search", "user-find", model::findUsers);
        javafx.scene.control.ListView<com.sovera.console.api.model.User> found =
                new javafx.scene.control.ListView<>(model.picker().users());
        found.setId("user-matches");
        found.setPrefHeight(160);
        found.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(com.sovera.console.api.model.User u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? null : u.email() + "  " + u.firstName() + " " + u.lastName() + "  ("
                        + u.userId() + ")");
            }
        });
        found.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.chosenUser.set(now));
        Label message = new Label();
        message.textProperty().bind(model.picker().usersMessageProperty());
        VBox existing = new VBox(6, new HBox(8, query, find), message, found);
        kit.lock(Step.USER, query, find, found);
        return kit.form("The user",
                kit.origin(model.userOrigin, "New user", "Existing user", "user", Step.USER),
                shownFor(created, model.userOrigin, OnboardingViewModel.Origin.NEW),
                shownFor(existing, model.userOrigin, OnboardingViewModel.Origin.EXISTING));
    }
}
