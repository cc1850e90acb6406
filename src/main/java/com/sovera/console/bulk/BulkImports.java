package com.sovera.console.bulk;

import com.sovera.console.api.SovxApi;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where bulk runs begin and where unfinished ones are found again: their journals live in the user's data
 * directory ({@code bulk-imports/}). The screen and the import command both start, resume and discard runs here.
 */
public final class BulkImports {

    private static final Logger LOG = LoggerFactory.getLogger(BulkImports.class);

    /** Where a run writes: the environment's origin ({@code embedded} for the local sandbox) and the customer. */
    public record Target(String origin, String customerId, boolean sandbox) {
    }

    /** Which file a run came from: its name and SHA-256, by which a rerun of the same import finds its run. */
    public record Source(String name, String sha256) {

        /** The file as it was read: its name and the hash of the very bytes its rows came from. */
        public static Source of(Sheet sheet) {
            return new Source(sheet.name(), sheet.sha256());
        }
    }

    /** A run that did not finish (the console or the command was stopped): to resume or discard. */
    public record Unfinished(Path journal, String runId, String origin, String customerId, String source,
                             String sourceSha256, Instant startedAt, int rowsDone, int rows) {
    }

    private final Path directory;

    public BulkImports(Path dataDirectory) {
        this.directory = dataDirectory.resolve("bulk-imports");
    }

    /** Every unfinished run, oldest first; a journal that cannot be read is set aside. */
    public List<Unfinished> unfinished() {
        List<Unfinished> runs = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return runs;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.jsonl")) {
            for (Path file : files) {
                try {
                    RunJournal.Contents contents = RunJournal.read(file);
                    RunState state = RunState.replay(contents);
                    if (state.finished(contents.events())) {
                        Files.deleteIfExists(file); // finished, but not removed (killed while removing it)
                        continue;
                    }
                    RunHeader h = contents.header();
                    runs.add(new Unfinished(file, h.runId(), h.origin(), h.customerId(), h.source(),
                            h.sourceSha256(), Instant.ofEpochMilli(h.startedAt()), state.doneRows(),
                            state.rows.size()));
                } catch (IOException e) {
                    LOG.warn("Bulk import journal {} cannot be read ({}); setting it aside", file.getFileName(),
                            e.getMessage());
                    Files.move(file, file.resolveSibling(file.getFileName() + ".unreadable"));
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list bulk import journals: {}", e.getMessage());
        }
        runs.sort(Comparator.comparing(Unfinished::startedAt));
        return runs;
    }

    /** The unfinished run of this file for this target, if any: what a rerun of the same command resumes. */
    public Optional<Unfinished> unfinished(Target target, Source source) {
        return unfinished().stream().filter(u -> u.origin().equals(target.origin())
                && u.customerId().equals(target.customerId()) && u.sourceSha256().equals(source.sha256()))
                .reduce((a, b) -> b);
    }

    /** Journals the plan, then starts sending. */
    public BulkRun start(SovxApi api, Target target, Source source, Plan plan, BulkRun.Options options)
            throws IOException {
        String runId = UUID.randomUUID().toString();
        RunHeader header = new RunHeader(runId, target.origin(), target.customerId(), source.name(), source.sha256(),
                target.sandbox(), System.currentTimeMillis(), plan.rows(), plan.refused());
        RunJournal journal = RunJournal.create(directory.resolve(runId + ".jsonl"), header);
        return BulkRun.start(api, journal, new RunState(header), options);
    }

    /**
     * Resumes an unfinished run where its journal left it: rows done stay done, steps under way are resent with
     * their keys.
     *
     * @throws IOException when another process runs it, or its journal cannot be read
     */
    public BulkRun resume(SovxApi api, Unfinished run, BulkRun.Options options) throws IOException {
        RunJournal journal = RunJournal.reopen(run.journal());
        try {
            RunState state = RunState.replay(RunJournal.read(run.journal()));
            return BulkRun.start(api, journal, state, options);
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /** Forgets an unfinished run (what it created stays; importing the file again reuses it). */
    public void discard(Unfinished run) throws IOException {
        Files.deleteIfExists(run.journal());
    }
}
