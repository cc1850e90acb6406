package com.sovera.console.sandbox;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What seeding the whole tree costs: {@code -Dbench.users} (default 100,000) demo users, their wallets, addresses
 * and deposits, into a new database directory under {@code -Dbench.seed.dir} (default {@code target}), which is
 * deleted afterwards. Prints the wall time and the process's CPU time (the machine may be shared: CPU is the
 * figure that compares) with the load average before and after. Figures only: nothing here asserts a time.
 */
@Tag("benchmarks")
class SeedBenchmarks {

    private static final int USERS = Integer.getInteger("bench.users", 100_000);
    private static final Path PARENT = Path.of(System.getProperty("bench.seed.dir", "target"));

    @Test
    void seed() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(PARENT), "sovx-seed-");
        var os = ManagementFactory.getOperatingSystemMXBean();
        double loadBefore = os.getSystemLoadAverage();
        try {
            long cpu0 = cpu();
            long t0 = System.nanoTime();
            try (Database db = Database.open(dir)) {
                DemoData.ensure(db, USERS, 0);
            }
            long wall = System.nanoTime() - t0;
            long cpu = cpu() - cpu0;
            System.out.printf("Seeded %,d users with their trees: %.1f s wall, %.1f s of CPU; load average %.2f"
                    + " before, %.2f after; %d cores, heap %d MB%n", USERS, wall / 1e9, cpu / 1e9, loadBefore,
                    os.getSystemLoadAverage(), os.getAvailableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            IndexCheck.assertEveryIndexAgrees(dir);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The whole process's CPU time: H2 and the generating threads. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
