package com.sovera.console.settings;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Arming the embedded sandbox's training faults: the next calls of an endpoint answer with the fault. */
public final class TrainingViewModel {

    public final ObjectProperty<String> endpoint = new SimpleObjectProperty<>();
    public final ObjectProperty<String> fault = new SimpleObjectProperty<>();
    public final IntegerProperty times = new SimpleIntegerProperty(1);

    private final TrainingFaults training;
    private final StringProperty armed = new SimpleStringProperty("");

    TrainingViewModel(TrainingFaults training) {
        this.training = training;
        endpoint.set(training.endpoints().get(0));
        fault.set(training.faults().get(0));
        refresh();
    }

    public ObservableList<String> endpoints() {
        return FXCollections.observableArrayList(training.endpoints());
    }

    public ObservableList<String> faults() {
        return FXCollections.observableArrayList(training.faults());
    }

    /** What is armed now, as one line. */
    public StringProperty armedProperty() {
        return armed;
    }

    public void arm() {
        training.arm(endpoint.get(), fault.get(), times.get());
        refresh();
    }

    public void clear() {
        training.clear();
        refresh();
    }

    public void refresh() {
        armed.set(training.armed().isEmpty() ? "No fault armed." : "Armed: " + String.join("; ", training.armed()));
    }
}
