package com.sovera.console.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A second writer in a process of its own, as {@code --import} is beside the console: {@code DIR NAME COUNT}. */
public final class AuditWriterProcess {

    private AuditWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        AuditTrail trail = new AuditTrail(Path.of(args[0]), "desk-1", Clock.systemUTC());
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            trail.before();
            trail.record(new AuditEvent(AuditTrail.importOperator("c-1"), "embedded", "http://127.0.0.1:1/sovx/v1",
                    "user.create", Map.of("user_id", args[1] + "-" + i), Outcome.CREATED, null, null));
        }
        System.exit(0);
    }
}
