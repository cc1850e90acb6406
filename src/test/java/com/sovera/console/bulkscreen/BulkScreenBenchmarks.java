package com.sovera.console.bulkscreen;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.SovxClient;
import com.sovera.console.bulk.Column;
import com.sovera.console.bulk.PreviewRow;
import com.sovera.console.config.Environment;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.session.Sessions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the bulk screen costs the FX thread with a file at the 20,000-row cap, {@code mvn -Pbenchmarks verify
 * -Dtest=BulkScreenBenchmarks}: reading and checking (off the FX thread), then, on the thread that draws, showing
 * the rows, a fix in place, and the "only rows with errors" filter. The table itself is virtualised (it makes
 * the nodes of the rows on screen only), so these are the work a 20,000-row preview adds to a frame. Median of
 * several, printed with the core count. Target: each FX-thread step under 50 ms (a few frames).
 */
@Tag("benchmarks")
class BulkScreenBenchmarks {

    private static final int ROWS = 20_000;
    private static final int REPEATS = 9;

    @TempDir
    Path dir;

    @Test
    void aPreviewAtTheRowCap() throws Exception {
        StringBuilder text = new StringBuilder(Column.headerLine()).append('\n');
        for (int i = 1; i <= ROWS; i++) {
            // one row in fifty has a wrong e-mail: the operator's fixes and the filter have work to do
            text.append(String.format(Locale.ROOT, "individual,user%05d@example%s,Pat,Bench,+1202%07d,1990-01-01,"
                    + "US,BTC;USDC:ethereum-sepolia%n", i, i % 50 == 0 ? "" : ".com", i));
        }
        Path file = Files.writeString(dir.resolve("cap.csv"), text, StandardCharsets.UTF_8);
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0));
             SovxClient client = SovxClient.builder(sandbox.baseUrl()).build()) {
            ConfinedRunner runner = new ConfinedRunner();
            BulkViewModel model = new BulkViewModel(Sessions.calls(client, runner),
                    runner, Environment.EMBEDDED_SANDBOX, dir,
                    Clock.systemUTC());
            long[] open = new long[REPEATS];
            long[] show = new long[REPEATS];
            long[] forget = new long[REPEATS];
            for (int i = 0; i < REPEATS; i++) {
                model.open(file);
                long t0 = System.nanoTime();
                runner.runNext(); // read and check, then (in its callback) show the rows
                open[i] = System.nanoTime() - t0;
                java.util.Map<String, String> found = new java.util.HashMap<>();
                for (int u = 1; u <= ROWS; u += 50) {
                    found.put(String.format(Locale.ROOT, "user%05d@example.com", u), "user-" + u);
                }
                model.preview().markExisting(found);
                com.sovera.console.bulk.Preview read = model.preview().preview();
                show[i] = timed(() -> {
                    model.preview().show(read);
                    return 0;
                });
                forget[i] = timed(() -> {
                    model.preview().forgetExisting();
                    return 0;
                });
            }
            PreviewViewModel preview = model.preview();
            assertThat(preview.rows()).hasSize(ROWS);
            assertThat(preview.countsProperty().get().invalid()).isEqualTo(ROWS / 50);
            long[] edit = new long[REPEATS];
            for (int i = 0; i < REPEATS; i++) {
                int row = 50 * (i + 1) - 1;
                PreviewRow wrong = preview.rows().get(row);
                edit[i] = timed(() -> {
                    preview.edit(wrong, Column.EMAIL, wrong.cell(Column.EMAIL) + ".com");
                    return 0;
                });
                assertThat(preview.rows().get(row).isValid()).isTrue();
            }
            long[] filter = new long[REPEATS];
            for (int i = 0; i < REPEATS; i++) {
                filter[i] = timed(() -> {
                    preview.onlyErrors.set(true);
                    int n = preview.shown().size();
                    preview.onlyErrors.set(false);
                    return n;
                });
            }
            System.out.printf("%nBulk screen at %,d rows (%d cores, load %s), median of %d:%n", ROWS,
                    Runtime.getRuntime().availableProcessors(), load(), REPEATS);
            System.out.printf("| read and check the file (off the FX thread), then show it | %s ms |%n", median(open));
            System.out.printf("| its rows handed to the table, on the FX thread | %s ms | target < 50 ms%n",
                    median(show));
            System.out.printf("| marks of another customer dropped, on the FX thread | %s ms | target < 50 ms%n",
                    median(forget));
            System.out.printf("| a fix in place, on the FX thread | %s ms | target < 50 ms%n", median(edit));
            System.out.printf("| only rows with errors on, then off, on the FX thread | %s ms | target < 50 ms%n",
                    median(filter));
        }
    }

    /** Nanoseconds the action took. */
    private static long timed(LongSupplier action) {
        long t0 = System.nanoTime();
        action.getAsLong();
        return System.nanoTime() - t0;
    }

    /** The median, in milliseconds with a tenth. */
    private static String median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.1f", sorted[sorted.length / 2] / 1e6);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
