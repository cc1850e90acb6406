package com.sovera.console;

import com.sovera.console.sandbox.Training;
import com.sovera.console.settings.TrainingFaults;
import java.util.Arrays;
import java.util.List;

/** Settings' view of the embedded sandbox's training faults (the UI never reaches into the sandbox itself). */
final class EmbeddedTraining implements TrainingFaults {

    private final Training training;

    EmbeddedTraining(Training training) {
        this.training = training;
    }

    @Override
    public List<String> endpoints() {
        return training.endpoints();
    }

    @Override
    public List<String> faults() {
        return Arrays.stream(Training.Fault.values()).map(Training.Fault::toString).toList();
    }

    @Override
    public void arm(String endpoint, String fault, int times) {
        Training.Fault chosen = Arrays.stream(Training.Fault.values()).filter(f -> f.toString().equals(fault))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No fault " + fault + "."));
        training.arm(endpoint, chosen, times);
    }

    @Override
    public List<String> armed() {
        return training.armed().stream().map(Training.Armed::toString).toList();
    }

    @Override
    public void clear() {
        training.clear();
    }
}
