package com.sovera.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sovera.console.sandbox.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trail as an auditor reads it: whole, in order, continued across months and crashes, tampering shown. */
class AuditTrailTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T23:59:58Z"));

    @Test
    void anIntactChainVerifiesWithItsCountAndHead() throws Exception {
        AuditTrail trail = trail();
        Head head = null;
        for (int i = 0; i < 5; i++) {
            head = trail.record(event("user.create", "user_id", "u-" + i, Outcome.CREATED));
        }
        AuditVerifier.Verdict verdict = AuditVerifier.verify(trail.currentFile());
        assertThat(verdict.intact()).as(verdict.why()).isTrue();
        assertThat(verdict.entries()).isEqualTo(5);
        assertThat(verdict.lastHash()).isEqualTo(head.lastHash()).isEqualTo(trail.head().lastHash());
        assertThat(trail.head().count()).isEqualTo(5);
        List<String> lines = Files.readAllLines(trail.currentFile());
        assertThat(lines.get(0)).startsWith("{\"seq\":1,\"time\":\"2026-11-30T23:59:58Z\",\"operator\":\"ops@sovera.test\","
                + "\"environment\":\"embedded\",\"base_url\":\"http://127.0.0.1:1/sovx/v1/\",\"action\":\"user.create\","
                + "\"objects\":{\"user_id\":\"u-0\"},\"outcome\":\"created\",\"trace_id\":\"t-1\",\"prev\":\"" + "0".repeat(64));
        assertThat(trail.currentFile().getFileName().toString()).isEqualTo("audit-desk-1-2026-11.jsonl");
    }

    @Test
    void aWriteCancelledWhileOutIsStillRecordedOnTheThreadItsCancelInterrupted() throws Exception {
        AuditTrail trail = trail();
        Thread.currentThread().interrupt(); // as a cancelled job's worker is, when its call's outcome is recorded
        try {
            trail.record(event("customer.create", "customer_id", "cancelled-co", Outcome.UNKNOWN));
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the work").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(Files.readString(trail.currentFile())).contains("\"customer_id\":\"cancelled-co\"")
                .contains("\"outcome\":\"unknown\"");
    }

    @Test
    void anExportNeverTakesThePlaceOfTheTrailItself() throws Exception {
        AuditTrail trail = trail();
        trail.record(event("user.create", "user_id", "u-1", Outcome.CREATED));
        String before = Files.readString(trail.currentFile());
        java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 1);
        assertThat(catchThrowableOfType(() -> trail.export(day, day, trail.currentFile()),
                IllegalArgumentException.class)).hasMessageContaining("audit trail's own file");
        assertThat(Files.readString(trail.currentFile())).isEqualTo(before);
    }

    @Test
    void aChangedLineIsNamedByItsNumber() throws Exception {
        Path file = fiveEntries();
        List<String> lines = Files.readAllLines(file);
        lines.set(2, lines.get(2).replace("\"outcome\":\"created\"", "\"outcome\":\"refused\""));
        Files.write(file, lines);
        AuditVerifier.Verdict verdict = AuditVerifier.verify(file);
        assertThat(verdict.brokenLine()).isEqualTo(3);
        assertThat(verdict.why()).contains("changed");
        assertThat(verdict.entries()).isEqualTo(2);
    }

    @Test
    void aChangedLineWithItsHashRecomputedBreaksTheNextLine() throws Exception {
        Path file = fiveEntries();
        List<String> lines = Files.readAllLines(file);
        AuditLine.Entry third = AuditLine.read(lines.get(2));
        String body = lines.get(2).substring(0, lines.get(2).indexOf(",\"hash\":")).replace("u-2", "u-X");
        lines.set(2, body + ",\"hash\":\"" + AuditLine.hash(third.prev(), body.getBytes(StandardCharsets.UTF_8)) + "\"}");
        Files.write(file, lines);
        AuditVerifier.Verdict verdict = AuditVerifier.verify(file);
        assertThat(verdict.brokenLine()).isEqualTo(4);
        assertThat(verdict.why()).contains("does not follow the entry before it (line 3)");
    }

    @Test
    void aRemovedLineIsNamedByTheLineAfterTheGap() throws Exception {
        Path file = fiveEntries();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(1);
        Files.write(file, lines);
        AuditVerifier.Verdict verdict = AuditVerifier.verify(file);
        assertThat(verdict.brokenLine()).isEqualTo(2);
        assertThat(verdict.why()).contains("removed");
    }

    @Test
    void reorderedLinesAreDetected() throws Exception {
        Path file = fiveEntries();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        Collections.swap(lines, 3, 4);
        Files.write(file, lines);
        assertThat(AuditVerifier.verify(file).brokenLine()).isEqualTo(4);
    }

    @Test
    void theFirstLineRemovedFromTheTrailIsDetected() throws Exception {
        Path file = fiveEntries();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(0);
        Files.write(file, lines);
        AuditVerifier.Verdict verdict = AuditVerifier.verify(file);
        assertThat(verdict.intact()).as("entry 2 first: a month file may start anywhere, so it is accepted alone")
                .isTrue();
        assertThat(verdict.firstSeq()).as("but it says where it starts").isEqualTo(2);
    }

    @Test
    void theFirstLineRemovedFromAMonthIsDetectedAgainstTheMonthBeforeBesideIt() throws Exception {
        AuditTrail trail = trail();
        trail.record(event("user.create", "user_id", "u-nov", Outcome.CREATED));
        clock.set(Instant.parse("2026-12-01T00:00:01Z"));
        trail.record(event("user.create", "user_id", "u-dec-1", Outcome.CREATED));
        trail.record(event("user.create", "user_id", "u-dec-2", Outcome.CREATED));
        Path december = trail.currentFile();
        assertThat(AuditVerifier.verify(december).intact()).isTrue();
        List<String> lines = new ArrayList<>(Files.readAllLines(december));
        lines.remove(0);
        Files.write(december, lines);
        AuditVerifier.Verdict verdict = AuditVerifier.verify(december);
        assertThat(verdict.brokenLine()).isEqualTo(1);
        assertThat(verdict.why()).contains("month before");
    }

    @Test
    void aHalfWrittenLastLineIsReportedAndTheChainGoesOnFromTheLastWholeEntry() throws Exception {
        Path file = fiveEntries();
        String whole = Files.readString(file);
        String lastLine = whole.substring(whole.lastIndexOf('\n', whole.length() - 2) + 1);
        Files.writeString(file, whole.substring(0, whole.length() - lastLine.length())
                + lastLine.substring(0, lastLine.length() / 2)); // a crash in the middle of entry 5
        AuditVerifier.Verdict cut = AuditVerifier.verify(file);
        assertThat(cut.intact()).isTrue();
        assertThat(cut.entries()).isEqualTo(4);
        assertThat(cut.cutOffLines()).containsExactly(5);

        AuditTrail trail = trail();
        assertThat(trail.head().count()).isEqualTo(4);
        Head head = trail.record(event("wallet.create", "wallet_id", "w-1", Outcome.CREATED));
        assertThat(head.count()).as("the cut entry's number is given again").isEqualTo(5);
        AuditVerifier.Verdict after = AuditVerifier.verify(file);
        assertThat(after.intact()).as(after.why()).isTrue();
        assertThat(after.entries()).isEqualTo(5);
        assertThat(after.cutOffLines()).containsExactly(5);
        assertThat(Files.readAllLines(file)).hasSize(6);
    }

    @Test
    void aNewMonthGetsANewFileThatContinuesTheChain() throws Exception {
        AuditTrail trail = trail();
        trail.record(event("user.create", "user_id", "u-nov", Outcome.CREATED));
        Path november = trail.currentFile();
        clock.set(Instant.parse("2026-12-01T00:00:01Z"));
        Head head = trail.record(event("user.create", "user_id", "u-dec", Outcome.CREATED));
        Path december = trail.currentFile();
        assertThat(december.getFileName().toString()).isEqualTo("audit-desk-1-2026-12.jsonl");
        assertThat(Files.readAllLines(november)).hasSize(1);
        AuditLine.Entry first = AuditLine.read(Files.readAllLines(december).get(0));
        assertThat(first.seq()).isEqualTo(2);
        assertThat(first.prev()).isEqualTo(AuditVerifier.verify(november).lastHash());
        assertThat(AuditVerifier.verify(december).intact()).isTrue();
        assertThat(head.count()).isEqualTo(2);

        // the two months in a row are one chain
        List<String> both = new ArrayList<>(Files.readAllLines(november));
        both.addAll(Files.readAllLines(december));
        assertThat(AuditVerifier.verify(both).intact()).isTrue();
    }

    @Test
    void twoThreadsTakingTurnsKeepOneChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                AuditTrail trail = trail(); // two instances, as two windows or a console and a job would have
                String who = "thread-" + t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 50; i++) {
                        trail.record(event("user.create", "user_id", who + "-" + i, Outcome.CREATED));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        AuditVerifier.Verdict verdict = AuditVerifier.verify(trail().currentFile());
        assertThat(verdict.intact()).as(verdict.why()).isTrue();
        assertThat(verdict.entries()).isEqualTo(100);
    }

    @Test
    void aMonthFileThatCannotBeOpenedForAppendingRefusesTheWriteWithTheReason() throws Exception {
        AuditTrail trail = trail();
        trail.before();
        Files.delete(trail.currentFile());
        Files.createDirectories(trail.currentFile()); // as unwritable as it gets, even for root
        AuditUnavailableException refused = catchThrowableOfType(trail::before, AuditUnavailableException.class);
        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).contains(dir.toString()).contains(trail.currentFile().getFileName().toString())
                .contains("no change is made");
        assertThat(catchThrowableOfType(() -> trail.record(event("user.create", "user_id", "u", Outcome.CREATED)),
                AuditUnavailableException.class)).isNotNull();
    }

    @Test
    void aDirectoryThatIsAFileRefuses() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("not-a-dir"), "x");
        AuditTrail trail = new AuditTrail(notADirectory, "desk-1", clock);
        assertThat(catchThrowableOfType(trail::before, AuditUnavailableException.class).getMessage())
                .contains(notADirectory.toString());
    }

    @Test
    void anExportOfADateRangeVerifiesOnItsOwnAndShowsACutEnd() throws Exception {
        AuditTrail trail = trail();
        clock.set(Instant.parse("2026-11-29T10:00:00Z"));
        trail.record(event("user.create", "user_id", "before", Outcome.CREATED));
        for (String day : List.of("2026-11-30T08:00:00Z", "2026-12-01T09:00:00Z", "2026-12-02T23:59:59Z")) {
            clock.set(Instant.parse(day));
            trail.record(event("user.create", "user_id", "in-" + day, Outcome.CREATED));
        }
        clock.set(Instant.parse("2026-12-03T00:00:00Z"));
        trail.record(event("user.create", "user_id", "after", Outcome.CREATED));

        Path export = dir.resolve("export.jsonl");
        int copied = trail.export(java.time.LocalDate.parse("2026-11-30"), java.time.LocalDate.parse("2026-12-02"),
                export);
        assertThat(copied).isEqualTo(3);
        List<String> lines = Files.readAllLines(export);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("{\"audit_export\":{\"host\":\"desk-1\",\"from\":\"2026-11-30\","
                + "\"to\":\"2026-12-02\",\"entries\":3,");
        assertThat(String.join("\n", lines)).contains("in-2026-11-30").contains("in-2026-12-02")
                .doesNotContain("before").doesNotContain("after");
        AuditVerifier.Verdict verdict = AuditVerifier.verify(export);
        assertThat(verdict.intact()).as(verdict.why()).isTrue();
        assertThat(verdict.export()).isTrue();
        assertThat(verdict.entries()).isEqualTo(3);
        assertThat(verdict.firstSeq()).isEqualTo(2);

        Files.write(export, lines.subList(0, 3)); // the last entry cut off
        AuditVerifier.Verdict cut = AuditVerifier.verify(export);
        assertThat(cut.intact()).isFalse();
        assertThat(cut.why()).contains("cut off its end");
        Files.write(export, List.of(lines.get(0), lines.get(2), lines.get(3))); // the first entry cut off
        assertThat(AuditVerifier.verify(export).why()).contains("anchor");
    }

    @Test
    void textThatLooksLikeJsonStaysInsideItsString() throws Exception {
        AuditTrail trail = trail();
        trail.record(new AuditEvent("ops\"@x\n{\"seq\":9}", "embedded", "u", "customer.create",
                Map.of("customer_id", "a\\b\u0001"), Outcome.REFUSED, "CONFLICT", null));
        List<String> lines = Files.readAllLines(trail.currentFile());
        assertThat(lines).hasSize(1);
        assertThat(AuditVerifier.verify(trail.currentFile()).intact()).isTrue();
        assertThat(lines.get(0)).contains("\"outcome\":\"refused\",\"code\":\"CONFLICT\",\"prev\"");
    }

    private AuditTrail trail() {
        return new AuditTrail(dir, "desk-1", clock);
    }

    private Path fiveEntries() throws Exception {
        AuditTrail trail = trail();
        for (int i = 0; i < 5; i++) {
            trail.record(event("user.create", "user_id", "u-" + i, Outcome.CREATED));
        }
        assertThat(AuditVerifier.verify(trail.currentFile()).intact()).isTrue();
        return trail.currentFile();
    }

    static AuditEvent event(String action, String idName, String id, Outcome outcome) {
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put(idName, id);
        return new AuditEvent("ops@sovera.test", "embedded", "http://127.0.0.1:1/sovx/v1/", action, objects, outcome,
                null, "t-1");
    }
}
