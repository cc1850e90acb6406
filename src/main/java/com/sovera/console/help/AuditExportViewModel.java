package com.sovera.console.help;

import com.sovera.console.audit.AuditTrail;
import com.sovera.console.ui.TypedPath;
import com.sovera.console.ui.task.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Help → Export audit trail: the entries of a range of UTC days (both ends included, typed as yyyy-MM-dd; this
 * month by default) copied to a file that verifies on its own ({@code --verify-audit}). The file is written off
 * the FX thread; what is typed stays as it was when the export fails.
 */
public final class AuditExportViewModel {

    public final StringProperty from = new SimpleStringProperty();
    public final StringProperty to = new SimpleStringProperty();
    public final StringProperty path = new SimpleStringProperty();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final AuditTrail trail;
    private final TaskRunner runner;
    private final Path home;

    /** @param home where a relative path typed is read from, and the default file goes */
    public AuditExportViewModel(AuditTrail trail, TaskRunner runner, Clock clock, Path home) {
        this.trail = trail;
        this.runner = runner;
        this.home = home;
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        from.set(month.atDay(1).toString());
        to.set(month.atEndOfMonth().toString());
        path.set(home.resolve("audit-export-" + month + ".jsonl").toString());
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The file chosen with the file button. */
    public void chosen(Path file) {
        path.set(file.toString());
    }

    /** Exports the range to the path typed; the message says what was written, or what to correct. */
    public void export() {
        if (busy.get()) {
            return;
        }
        Optional<LocalDate> start = day(from.get());
        Optional<LocalDate> end = day(to.get());
        Optional<Path> target = TypedPath.parse(path.get(), home);
        if (start.isEmpty() || end.isEmpty()) {
            message.set("Type both days as year-month-day, e.g. " + LocalDate.now(ZoneOffset.UTC) + ".");
            return;
        }
        if (end.get().isBefore(start.get())) {
            message.set("The range ends (" + end.get() + ") before it starts (" + start.get() + ").");
            return;
        }
        if (target.isEmpty()) {
            message.set("Type the path of the file to write, or choose it with the button.");
            return;
        }
        LocalDate first = start.get();
        LocalDate last = end.get();
        Path file = target.get();
        busy.set(true);
        message.set("Exporting...");
        runner.run(() -> trail.export(first, last, file), count -> {
            busy.set(false);
            message.set("Exported " + count + (count == 1 ? " entry" : " entries") + " from " + first + " to " + last
                    + " (UTC, both included) to " + file + ". It verifies on its own: --verify-audit " + file);
        }, failure -> {
            busy.set(false);
            message.set("The export could not be written to " + file + ": " + describe(failure));
        });
    }

    private static Optional<LocalDate> day(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String describe(Throwable failure) {
        if (failure instanceof java.nio.file.NoSuchFileException e) {
            return "no such folder (" + e.getFile() + ").";
        }
        if (failure instanceof java.nio.file.AccessDeniedException e) {
            return "permission denied (" + e.getFile() + ").";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
