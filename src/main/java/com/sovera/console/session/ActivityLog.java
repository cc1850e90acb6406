package com.sovera.console.session;

import com.sovera.console.api.CallRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.sovera.console.platform.SafeCsv;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every API call of this session, newest last, as the Activity view lists it. Fed from OkHttp's threads and
 * changed on the FX thread only. Records carry no body, header or query, so the list and its export hold no
 * secret.
 */
public final class ActivityLog implements Consumer<CallRecord> {

    private static final int KEEP = 5_000;

    private final ObservableList<CallRecord> entries = FXCollections.observableArrayList();

    @Override
    public void accept(CallRecord record) {
        Platform.runLater(() -> {
            entries.add(record);
            if (entries.size() > KEEP) {
                entries.remove(0, entries.size() - KEEP);
            }
        });
    }

    public ObservableList<CallRecord> entries() {
        return entries;
    }

    /** Writes the list as CSV for a support ticket (cells neutralised for spreadsheets, as every CSV here). */
    public static void export(List<CallRecord> records, Path file) throws IOException {
        try (SafeCsv csv = SafeCsv.to(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            csv.row("time", "method", "path", "status", "latency_ms", "trace_id", "failure");
            for (CallRecord r : records) {
                csv.row(r.time().toString(), r.method(), r.path(), Integer.toString(r.status()),
                        Long.toString(r.latency().toMillis()), r.traceId(), r.failure());
            }
        }
    }
}
