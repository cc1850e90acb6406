package com.sovera.console.activity;

import com.sovera.console.api.CallRecord;
import com.sovera.console.session.ActivityLog;
import com.sovera.console.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/** The session's calls: the one selected, and an export for a support ticket written off the FX thread. */
public final class ActivityViewModel {

    public final ObjectProperty<CallRecord> selected = new SimpleObjectProperty<>();

    private final ActivityLog log;
    private final TaskRunner runner;
    private final StringProperty message = new SimpleStringProperty("");

    public ActivityViewModel(ActivityLog log, TaskRunner runner) {
        this.log = log;
        this.runner = runner;
    }

    public ObservableList<CallRecord> entries() {
        return log.entries();
    }

    /** Where a typed path is checked before an export, off the FX thread. */
    TaskRunner runner() {
        return runner;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Shows one call, as a search for its trace id does. */
    public void select(CallRecord record) {
        selected.set(record);
        message.set("Trace id " + record.traceId());
    }

    /** The trace id to copy, or null; says so in the message line. */
    public String traceIdToCopy() {
        CallRecord r = selected.get();
        if (r == null || r.traceId() == null) {
            message.set("This call has no trace id.");
            return null;
        }
        message.set("Trace id copied.");
        return r.traceId();
    }

    /** Exports the calls listed now. */
    public void exportTo(Path file) {
        List<CallRecord> rows = List.copyOf(log.entries());
        message.set("Exporting...");
        runner.run(() -> {
            ActivityLog.export(rows, file);
            return rows.size();
        }, count -> message.set("Exported " + count + " calls to " + file.getFileName()),
                failure -> message.set("Could not export: " + failure.getMessage()));
    }
}
