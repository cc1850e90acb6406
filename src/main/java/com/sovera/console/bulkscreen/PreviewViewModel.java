package com.sovera.console.bulkscreen;

import com.sovera.console.bulk.Column;
import com.sovera.console.bulk.Preview;
import com.sovera.console.bulk.PreviewRow;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The rows of the file being previewed, as the table shows them: every row in file order (or only those with
 * errors), its counts, and the operator's fixes. A fix goes to the engine's {@link Preview}, which checks the row
 * again; the rows it changed are replaced in place, so a table of 20,000 rows redraws only what it shows.
 * FX thread only.
 */
public final class PreviewViewModel {

    static final Preview.Counts NONE = new Preview.Counts(0, 0, 0, 0, 0);

    /** Shows only the rows that have errors (a fixed row leaves the list). */
    public final BooleanProperty onlyErrors = new SimpleBooleanProperty();

    private final ObservableList<PreviewRow> rows = FXCollections.observableArrayList();
    private final FilteredList<PreviewRow> shown = new FilteredList<>(rows);
    private final ReadOnlyObjectWrapper<Preview.Counts> counts = new ReadOnlyObjectWrapper<>(NONE);
    private final ReadOnlyIntegerWrapper edits = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>();
    private final Consumer<List<PreviewRow>> onChange = this::changed;

    PreviewViewModel() {
        onlyErrors.addListener((o, was, only) -> shown.setPredicate(only ? r -> !r.isValid() : null));
    }

    /** The rows the table shows: all of them, or only those with errors. */
    public ObservableList<PreviewRow> shown() {
        return shown;
    }

    /** Every row, in file order. */
    public ObservableList<PreviewRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<Preview.Counts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** How many cells the operator fixed since the file was opened or last sent. */
    public ReadOnlyIntegerProperty editsProperty() {
        return edits.getReadOnlyProperty();
    }

    /** The engine's preview; null before a file is read. */
    public ReadOnlyObjectProperty<Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    Preview preview() {
        return preview.get();
    }

    /**
     * The operator's fix of one cell: the row is checked again (and every row whose repeated e-mail it changed).
     * A value equal to the cell's is no change.
     */
    public void edit(PreviewRow row, Column column, String value) {
        Preview p = preview.get();
        String now = value == null ? "" : value.strip();
        if (p == null || row == null || now.equals(p.row(row.number()).cell(column))) {
            return;
        }
        p.edit(row.number(), column, now);
        edits.set(edits.get() + 1);
    }

    /** A file read and checked: its rows replace whatever was shown. */
    void show(Preview checked) {
        install(checked);
        edits.set(0);
    }

    /** Another customer: no row is marked existing until its users are looked up (the fixes stay). */
    void forgetExisting() {
        if (preview.get() != null) {
            preview.get().forgetExisting(); // the rows it unmarks come back through changed()
        }
    }

    /** The customer's users found for the file's e-mails: their rows are marked existing (reused, not created). */
    void markExisting(Map<String, String> found) {
        Objects.requireNonNull(preview.get()).markExisting(found); // the rows it marks come back through changed()
    }

    /** The fixes went into a run. */
    void sent() {
        edits.set(0);
    }

    void clear() {
        install(null);
        edits.set(0);
    }

    private void install(Preview next) {
        Preview before = preview.get();
        if (before != null) {
            before.removeListener(onChange);
        }
        if (next != null) {
            next.addListener(onChange);
        }
        preview.set(next);
        rows.setAll(next == null ? List.of() : next.rows());
        counts.set(next == null ? NONE : next.counts());
    }

    /** Told by the engine, on this thread, which rows a fix or a lookup changed. */
    private void changed(List<PreviewRow> changed) {
        for (PreviewRow r : changed) {
            rows.set(r.number() - 1, r);
        }
        counts.set(preview.get().counts());
    }
}
