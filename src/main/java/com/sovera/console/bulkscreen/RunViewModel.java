package com.sovera.console.bulkscreen;

import com.sovera.console.api.RateLimitPacer;
import com.sovera.console.bulk.BulkRun;
import com.sovera.console.bulk.ResultLine;
import com.sovera.console.bulk.ResultsCsv;
import com.sovera.console.bulk.RunProgress;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.task.Latest;
import com.sovera.console.ui.task.TaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One bulk run as the screen follows it: its state, progress (counts and time left), pause, resume and cancel,
 * and once it ends its results, which can be saved as CSV. The engine reports on its own threads; every report
 * is brought to this model's thread through the task runner, and a report older than the run's end is dropped.
 * FX thread only.
 */
public final class RunViewModel {

    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<BulkRun.State> state = new ReadOnlyObjectWrapper<>();
    private final DoubleProperty fraction = new SimpleDoubleProperty();
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty saveMessage = new SimpleStringProperty("");
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final ObservableList<ResultLine> results = FXCollections.observableArrayList();
    private final BooleanBinding active;
    private BulkRun current;
    /** The run followed: its reports and its end reach the screen only while it is the latest. */
    private final Latest following;
    private Latest.Round round;
    private Consumer<BulkRun.Outcome> onEnded = o -> { };

    RunViewModel(TaskRunner runner) {
        this.runner = runner;
        this.following = new Latest(runner);
        this.active = Bindings.createBooleanBinding(() -> state.get() == BulkRun.State.RUNNING
                || state.get() == BulkRun.State.PAUSED, state);
    }

    /** RUNNING or PAUSED while a run is under way; how it ended afterwards; null before the first. */
    public ReadOnlyObjectProperty<BulkRun.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True while a run is under way (running or paused). */
    public BooleanBinding activeProperty() {
        return active;
    }

    /** 0 to 1, rows done of the rows sent. */
    public DoubleProperty fractionProperty() {
        return fraction;
    }

    /** "120 of 400 rows (2 failed), 380 requests, about 4 min left". */
    public StringProperty progressTextProperty() {
        return progressText;
    }

    /** Which file and customer the run is for. */
    public StringProperty titleProperty() {
        return title;
    }

    /** How the run ended, by row, and what to do next; empty while it runs. */
    public StringProperty summaryProperty() {
        return summary;
    }

    /** Where the results were saved, or why not. */
    public StringProperty saveMessageProperty() {
        return saveMessage;
    }

    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    /** The results once a run has ended: one line per wallet (or per user without wallets or failed early). */
    public ObservableList<ResultLine> results() {
        return results;
    }

    /** The id of the run under way, or null. */
    String runningId() {
        return current == null ? null : current.runId();
    }

    void setOnEnded(Consumer<BulkRun.Outcome> value) {
        this.onEnded = value;
    }

    /** Told of each user a run adopts after a conflict: the desk's audit trail records it as reused. */
    com.sovera.console.provision.Provisioner.Adoptions adoptions = com.sovera.console.provision.Provisioner.Adoptions.NONE;

    /** The engine's options for the next run: its progress comes here, paced by the client's pacer. */
    BulkRun.Options options(RateLimitPacer pacer) {
        Latest.Round run = following.begin();
        round = run;
        return BulkRun.Options.defaults().withPacer(pacer).withAdoptions(adoptions).withListener(p -> run.later(() -> {
            if (active.get()) {
                show(p);
            }
        }));
    }

    /** A run has started (or resumed): follow it until it ends. */
    void follow(BulkRun run, String what) {
        current = run;
        title.set(what);
        summary.set("");
        saveMessage.set("");
        problem.set(null);
        results.clear();
        state.set(BulkRun.State.RUNNING);
        show(run.progress());
        following.load(round, job -> run.await(), outcome -> ended(run, outcome), failure -> {
            // the wait for the run failed, not a row: it ends as incomplete, its journal kept to resume
            problem.set(Problem.of(failure));
            state.set(BulkRun.State.INCOMPLETE);
            current = null;
            onEnded.accept(new BulkRun.Outcome(BulkRun.State.INCOMPLETE, List.of(), failure.toString()));
        });
    }

    /** Holds every request before it is sent; rows under way finish their request first. */
    public void pause() {
        if (state.get() == BulkRun.State.RUNNING) {
            current.pause();
            state.set(BulkRun.State.PAUSED);
            show(current.progress());
        }
    }

    public void resume() {
        if (state.get() == BulkRun.State.PAUSED) {
            current.resume();
            state.set(BulkRun.State.RUNNING);
            show(current.progress());
        }
    }

    /** Stops at once, its journal kept: the Bulk view offers to resume it (after a sign-out, with the key again). */
    public void stopShort(String why) {
        if (active.get()) {
            progressText.set("Stopping...");
            current.stopShort(why);
        }
    }

    /** Stops at once: rows not done are in the results as CANCELLED; importing the file again finishes them. */
    public void cancel() {
        if (active.get()) {
            progressText.set("Cancelling...");
            current.cancel();
        }
    }

    /** Writes the results as CSV (whole or not at all); never a secret. */
    public void saveResults(Path file) {
        List<ResultLine> lines = List.copyOf(results);
        saveMessage.set("Saving...");
        runner.run(() -> {
            ResultsCsv.write(lines, file);
            return file;
        }, saved -> saveMessage.set(String.format("Saved %,d lines to %s.", lines.size(), saved)),
                failure -> saveMessage.set("The results could not be saved to " + file + ": "
                        + failure.getMessage()));
    }

    /** The name a save dialog proposes for a file's results. */
    static String resultsName(String source) {
        String name = source == null || source.isBlank() ? "bulk-import" : source;
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + "-results.csv";
    }

    private void ended(BulkRun run, BulkRun.Outcome outcome) {
        state.set(outcome.state());
        show(run.progress());
        results.setAll(outcome.results());
        summary.set(RunSummary.of(outcome.results()).describe(outcome.state(), outcome.problem()));
        current = null;
        onEnded.accept(outcome);
    }

    private void show(RunProgress p) {
        fraction.set(p.fraction());
        String text = p.describe();
        Duration waited = p.waitedForLimit();
        if (waited != null && waited.toSeconds() >= 1) {
            text += String.format(", %,d s waited for the rate limit", waited.toSeconds());
        }
        progressText.set(text);
    }
}
