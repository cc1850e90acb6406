package com.sovera.console.lookup;

import com.sovera.console.ui.Problem;
import com.sovera.console.ui.task.Job;
import com.sovera.console.ui.task.Latest;
import com.sovera.console.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import com.sovera.console.api.ApiCall;
import com.sovera.console.api.Filter;
import com.sovera.console.api.model.Page;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * CSV export of every row a list's query matches: the query is frozen when the export starts (filtering during
 * an export changes the table, never the file), with progress, cancel and how it ended. FX thread only.
 */
public final class ExportViewModel<T> {

    private final PagedViewModel<T> list;
    private final Supplier<Function<Filter, ApiCall<Page<T>>>> frozenSource;
    private final TaskRunner runner;
    private final Latest exports;
    private final List<String> header;
    private final Function<T, List<String>> cells;
    private final String fileName;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<CsvExport.Outcome> outcome = new SimpleObjectProperty<>();
    private final ObjectProperty<Problem> failure = new SimpleObjectProperty<>();
    private CsvExport.Opener opener = CsvExport.Opener.FILES;
    private CsvExport<T> job;

    /**
     * @param frozenSource the list's rows read with the credentials of the moment it is called (on the FX thread,
     *                     when an export starts), so that a whole file is one customer's
     */
    public ExportViewModel(PagedViewModel<T> list, Supplier<Function<Filter, ApiCall<Page<T>>>> frozenSource,
                       TaskRunner runner, List<String> header, Function<T, List<String>> cells, String fileName) {
        this.list = list;
        this.frozenSource = frozenSource;
        this.runner = runner;
        this.exports = new Latest(runner);
        this.header = List.copyOf(header);
        this.cells = cells;
        this.fileName = fileName;
    }

    /** The name the save dialog proposes. */
    public String fileName() {
        return fileName;
    }

    /** Where a typed path is checked before an export starts, off the FX thread. */
    TaskRunner runner() {
        return runner;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** 0 to 1, from the rows written against the total known when the export began. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** How the last export ended (complete or PARTIAL); null while one runs or before the first. */
    public ObjectProperty<CsvExport.Outcome> outcomeProperty() {
        return outcome;
    }

    /** Set when the last export could not even save what it had. */
    public ObjectProperty<Problem> failureProperty() {
        return failure;
    }

    /** Where rows are written (tests hand a failing disk). */
    void setOpener(CsvExport.Opener value) {
        this.opener = value;
    }

    /** Starts exporting the list's current query to {@code file}; ignored while an export runs. */
    public void start(Path file) {
        if (running.get()) {
            return;
        }
        CsvExport<T> export = new CsvExport<>(frozenSource.get(), list.queryProperty().get(), header, cells, opener);
        job = export;
        long expected = Math.max(1, list.totalProperty().get());
        running.set(true);
        progress.set(0);
        outcome.set(null);
        failure.set(null);
        message.set("Exporting...");
        // captured here, on the FX thread: the worker's reports count only while this export's session is open
        Latest.Round round = exports.begin();
        Job work = exports.load(round, job -> export.run(file, rows -> round.later(() -> progress.set(Math.min(1.0,
                rows / (double) expected)))), ended -> {
                    running.set(false);
                    message.set(ended.complete()
                            ? "Exported " + ended.rows() + " rows to " + ended.file().getFileName()
                            : "PARTIAL: " + ended.rows() + " of " + ended.total() + " rows in "
                            + ended.file().getFileName() + " (" + ended.reason() + ")");
                    outcome.set(ended);
                }, failed -> {
                    running.set(false);
                    message.set("Export failed: " + failed.getMessage());
                    failure.set(Problem.of(failed));
                });
        // dropped without an answer (its session closed): the export stops, and what it wrote is kept as PARTIAL
        work.onCancel(() -> {
            export.cancel("stopped at sign-out");
            running.set(false);
            message.set("PARTIAL: the export stopped at sign-out; the rows written until then are in "
                    + CsvExport.partialName(file).getFileName());
        });
    }

    /** Stops the running export; what it wrote is kept as a PARTIAL file. */
    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    /** Sign-out: a running export stops, as the key it froze at its start must not outlive the session. */
    void signedOut() {
        if (job != null) {
            job.cancel("stopped at sign-out");
        }
    }
}
