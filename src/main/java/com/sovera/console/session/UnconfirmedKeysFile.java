package com.sovera.console.session;

import com.sovera.console.platform.JsonFiles;
import com.squareup.moshi.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys minted and never confirmed, on disk, per environment: a restart, a crash or a switch to another
 * environment must not forget to name them at the next sign-in there. Names only (a customer id and a key's last
 * four characters), never a key. Reads block (call them off the FX thread); writes run one after another on a
 * thread of their own, the last one winning.
 */
public final class UnconfirmedKeysFile {

    private static final Logger LOG = LoggerFactory.getLogger(UnconfirmedKeysFile.class);

    /** The file's shape: each environment's keys, under its id (public: Moshi reads records through their accessors). */
    public record Contents(@Json(name = "environments") Map<String, List<Entry>> environments) {
        public Contents {
            environments = environments == null ? Map.of() : environments;
        }
    }

    /** A key named by its customer and last four characters. */
    public record Entry(@Json(name = "customer_id") String customerId, @Json(name = "last_four") String lastFour) {
    }

    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "unconfirmed-keys");
        t.setDaemon(true);
        return t;
    });

    private final Path file;
    private final String environmentId;
    private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);

    public UnconfirmedKeysFile(Path file, String environmentId) {
        this.file = file;
        this.environmentId = environmentId;
    }

    /** This environment's keys as last written. Blocks: not on the FX thread. */
    public List<AccountSession.MintedKey> load() {
        return readAll().getOrDefault(environmentId, List.of()).stream()
                .map(e -> new AccountSession.MintedKey(e.customerId(), e.lastFour())).toList();
    }

    /** Replaces this environment's keys on disk (other environments' stay); done when the future completes. */
    public synchronized CompletableFuture<Void> save(List<AccountSession.MintedKey> keys) {
        List<Entry> entries = keys.stream().map(k -> new Entry(k.customerId(), k.lastFour())).toList();
        // a write that failed does not stop the next one
        lastWrite = lastWrite.exceptionally(failed -> null).thenRunAsync(() -> write(entries), WRITER);
        return lastWrite;
    }

    /** Done when every write asked for so far is on disk. */
    public synchronized CompletableFuture<Void> written() {
        return lastWrite;
    }

    private void write(List<Entry> entries) {
        Map<String, List<Entry>> all = new LinkedHashMap<>(readAll());
        if (entries.isEmpty()) {
            all.remove(environmentId);
        } else {
            all.put(environmentId, entries);
        }
        try {
            JsonFiles.write(file, Contents.class, new Contents(all));
        } catch (IOException | RuntimeException e) {
            // the bar at sign-in is a reminder; the key itself is on the server, and Revoke finds it there
            LOG.warn("Could not remember the keys left unconfirmed: {}", e.getMessage());
        }
    }

    private Map<String, List<Entry>> readAll() {
        Map<String, List<Entry>> all = new LinkedHashMap<>();
        JsonFiles.read(file, Contents.class).value().ifPresent(c -> c.environments().forEach((env, entries) -> {
            List<Entry> whole = new ArrayList<>();
            if (entries != null) {
                entries.stream().filter(e -> e != null && e.customerId() != null && e.lastFour() != null)
                        .forEach(whole::add);
            }
            all.put(env, whole);
        }));
        return all;
    }
}
