package com.sovera.console.onboarding;

import com.sovera.console.config.Environment;
import com.sovera.console.session.SessionCalls;
import com.sovera.console.session.SessionState;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.WriteGuard;
import com.sovera.console.ui.task.Latest;
import com.sovera.console.ui.task.Scheduler;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * What the wizard's steps share: the service and session, what was earned ({@link Progress}, journaled as it
 * goes), the step on screen, the typed inputs, each step's summary, and the one call out (latest wins, cancelled
 * when the onboarding starts over). FX thread only.
 */
final class WizardContext {

    final OnboardingService service;
    final Latest calls;
    final TreePickerViewModel picker;
    final Scheduler scheduler;
    final Clock clock;
    final Environment environment;
    final SessionState session;
    WriteGuard writeGuard = WriteGuard.ALWAYS;

    final ObjectProperty<Progress> progress = new SimpleObjectProperty<>();
    final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CONNECTIVITY);
    final BooleanProperty busy = new SimpleBooleanProperty();
    final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    final StringProperty status = new SimpleStringProperty("");
    final ObservableMap<Field, String> serverFieldErrors = FXCollections.observableHashMap();
    final Map<Step, StringProperty> summaries = new EnumMap<>(Step.class);
    final Map<Field, StringProperty> inputs = new EnumMap<>(Field.class);
    /** The administrator set this desk for lookups: no step creates or mints anything. */
    final BooleanProperty lookupsOnly = new SimpleBooleanProperty();
    /** The owner key the client holds was confirmed by the operator or accepted by the server. */
    final BooleanProperty keyAccepted = new SimpleBooleanProperty();
    /** What a failed call does (recovery); set once by the wizard. */
    BiConsumer<Throwable, Step> onFailure;

    WizardContext(OnboardingService service, SessionCalls calls, Scheduler scheduler, Clock clock,
                  Environment environment) {
        this.service = service;
        // every call of the wizard belongs to the session in force: a sign-out cancels it and drops its answer
        this.calls = new Latest(calls.runner());
        this.picker = new TreePickerViewModel(service.client(), calls.runner());
        this.scheduler = scheduler;
        this.clock = clock;
        this.environment = environment;
        this.session = calls.state();
        progress.set(Progress.start(environment.id()));
        for (Step s : Step.values()) {
            summaries.put(s, new SimpleStringProperty(""));
        }
        for (Field f : Field.values()) {
            StringProperty value = new SimpleStringProperty("");
            inputs.put(f, value);
            value.addListener((o, was, now) -> serverFieldErrors.remove(f)); // the server judged another value
        }
    }

    Progress progress() {
        return progress.get();
    }

    void record(Progress next) {
        progress.set(next);
        service.record(next);
    }

    String text(Field f) {
        String v = inputs.get(f).get();
        return v == null ? "" : v.strip();
    }

    StringProperty input(Field f) {
        return inputs.get(f);
    }

    void summary(Step s, String text) {
        summaries.get(s).set(text);
    }

    /** The fault of a field as the contract's rules see it now, or null. */
    String check(Field f) {
        return f.check(inputs.get(f).get(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    boolean fieldsValid(Step s) {
        return Field.of(s).stream().allMatch(f -> check(f) == null);
    }

    void advance() {
        record(progress.get().atLeast(Step.values()[Math.min(step.get().ordinal() + 1, Step.ADDRESS.ordinal())]));
        if (step.get().ordinal() < Step.values().length - 1) {
            step.set(Step.values()[step.get().ordinal() + 1]);
        }
    }

    /** The summaries of the steps after signing in, emptied (a new tree). */
    void clearSummariesAfterLogin() {
        summaries.forEach((s, text) -> {
            if (s != Step.CONNECTIVITY && s != Step.LOGIN) {
                text.set("");
            }
        });
    }

    boolean mayWrite() {
        if (lookupsOnly.get()) { // the action is disabled already; this holds should anything call it
            problem.set(new Problem("Lookups only", "Nothing was created: "
                    + com.sovera.console.policy.Policy.LOOKUPS_ONLY + ".", null, null, null,
                    "Look customers, users and wallets up instead."));
            return false;
        }
        boolean allowed = session.current().mayWrite(writeGuard); // asked once a session, forgotten at its close
        if (!allowed) {
            problem.set(new Problem("Not confirmed", "Nothing was created: writing to " + environment.name()
                    + " was not confirmed.", null, null, null, "Confirm to write to this environment."));
        }
        return allowed;
    }

    <T> void call(Callable<T> work, Consumer<T> onSuccess) {
        Step at = step.get();
        busy.set(true);
        calls.load(job -> work.call(), value -> {
            busy.set(false);
            onSuccess.accept(value);
        }, failure -> {
            busy.set(false);
            onFailure.accept(failure, at);
        });
    }
}
