package com.sovera.console.lookup;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;

/** A filter's drop-down: "any ..." first, then the values; bound to a view model's choice (null for any). */
final class Choices {

    private Choices() {
    }

    static ComboBox<String> of(String any, List<String> values, ObjectProperty<String> chosen) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(any));
        box.setAccessibleText(any.replaceFirst("^any ", "")); // "any status": the status filter
        box.getItems().addAll(values);
        box.getSelectionModel().select(chosen.get() == null ? any : chosen.get());
        box.valueProperty().addListener((o, was, now) -> chosen.set(now == null || now.equals(any) ? null : now));
        chosen.addListener((o, was, now) -> box.setValue(now == null ? any : now));
        return box;
    }
}
