package com.sovera.console.bulkscreen;

import com.sovera.console.bulk.BulkImports;
import com.sovera.console.bulk.Preview;
import com.sovera.console.bulk.Sheet;
import com.sovera.console.bulk.SheetException;
import com.sovera.console.bulk.SheetReader;
import com.sovera.console.bulk.Template;
import com.sovera.console.platform.JsonFiles;
import com.sovera.console.ui.Problem;
import com.sovera.console.ui.task.Latest;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javafx.beans.property.BooleanProperty;

/**
 * The Bulk screen's files: the spreadsheet read and checked off the FX thread into the preview, its errors
 * exported, the template saved.
 */
final class BulkFileViewModel {

    private final BulkContext screen;
    private final ExistingUsersLookup existing;
    private final BooleanProperty skipInvalid;
    private final Clock clock;
    private final Latest reading;
    /** The file shown; null while none is. */
    private BulkImports.Source source;

    BulkFileViewModel(BulkContext screen, ExistingUsersLookup existing, BooleanProperty skipInvalid, Clock clock) {
        this.screen = screen;
        this.existing = existing;
        this.skipInvalid = skipInvalid;
        this.clock = clock;
        this.reading = new Latest(screen.runner);
    }

    BulkImports.Source source() {
        return source;
    }

    /** Reads and checks a file off the FX thread, then looks up which of its users the customer has. */
    void open(Path file) {
        if (screen.run.activeProperty().get()) {
            return;
        }
        existing.cancel();
        screen.problem.set(null);
        screen.busy.set(BulkViewModel.Busy.READING);
        screen.message.set("Reading " + file.getFileName() + "...");
        existing.note.set("");
        boolean sandboxRules = screen.sandbox;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        reading.load(job -> {
            Sheet sheet = SheetReader.read(file);
            return new Read(sheet, BulkImports.Source.of(sheet), Preview.of(sheet, sandboxRules, today));
        }, read -> {
            screen.busy.set(BulkViewModel.Busy.NONE);
            source = read.source();
            screen.preview.show(read.preview());
            skipInvalid.set(false);
            existing.forget(false);
            Preview.Counts c = screen.preview.countsProperty().get();
            screen.message.set(String.format("%s: %,d rows read%s.", read.sheet().name(), c.rows(), c.invalid() == 0
                    ? ", all valid" : String.format("; %,d with errors: fix them in the table (double-click a "
                    + "cell) or export them", c.invalid())));
            existing.check();
        }, failure -> {
            screen.busy.set(BulkViewModel.Busy.NONE);
            source = null;
            screen.preview.clear();
            screen.message.set(file.getFileName() + " was not read.");
            screen.problem.set(fileProblem(failure));
        });
    }

    /** Writes one line per error ({@code row,line,column,value,error}) to fix them in the spreadsheet. */
    void exportErrors(Path file) {
        Preview shown = screen.preview.preview();
        if (shown == null) {
            return;
        }
        int rows = screen.preview.countsProperty().get().invalid();
        screen.runner.run(() -> {
            StringWriter text = new StringWriter();
            shown.writeErrors(text);
            JsonFiles.writeText(file, text.toString());
            return file;
        }, written -> screen.message.set(String.format("Wrote the errors of %,d rows to %s.", rows, written)),
                failure -> screen.problem.set(new Problem("Not saved", "The errors could not be written to " + file
                        + ": " + failure.getMessage(), null, null, null, "Choose another folder and try again.")));
    }

    /** Saves the template (the header and an example row). */
    void saveTemplate(Path file) {
        screen.runner.run(() -> {
            JsonFiles.writeText(file, Template.text());
            return file;
        }, saved -> screen.message.set("Saved the template to " + saved + ": one row per user, then open it here."),
                failure -> screen.problem.set(new Problem("Not saved", "The template could not be written to " + file
                        + ": " + failure.getMessage(), null, null, null, "Choose another folder and try again.")));
    }

    private static Problem fileProblem(Throwable failure) {
        if (failure instanceof SheetException || failure instanceof IOException) {
            return new Problem("File not read", failure.getMessage(), null, null, null,
                    "Fix the file and open it again; the template has the header and an example row.");
        }
        return Problem.of(failure);
    }

    /** A file read and checked off the FX thread. */
    private record Read(Sheet sheet, BulkImports.Source source, Preview preview) {
    }
}
