package com.sovera.console;

import com.sovera.console.audit.AuditVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * {@code --verify-audit FILE}: checks an audit trail file, or an export of one. Exit 0: the chain is intact
 * (the count and the last hash are printed, to compare with the head in the log or Help → About); 1: the number
 * of the first line that breaks it and why; 2: the file cannot be read.
 */
final class AuditCommand {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int CANNOT_READ = 2;

    /** The process's streams (a test gives its own). */
    record Io(PrintStream out, PrintStream err) {
        static Io system() {
            return new Io(System.out, System.err);
        }
    }

    private AuditCommand() {
    }

    static int run(String[] args, Io io) {
        if (args.length != 2 || !args[0].equals("--verify-audit")) {
            io.err().println("sovx verify-audit: usage: --verify-audit FILE");
            return CANNOT_READ;
        }
        Path file = Path.of(args[1]);
        AuditVerifier.Verdict verdict;
        try {
            verdict = AuditVerifier.verify(file);
        } catch (IOException e) {
            io.err().println("sovx verify-audit: cannot read " + file + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            return CANNOT_READ;
        }
        String what = verdict.export() ? "export" : "trail file";
        if (!verdict.cutOffLines().isEmpty()) {
            io.out().println("Half-written line" + (verdict.cutOffLines().size() > 1 ? "s " : " ")
                    + verdict.cutOffLines().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " (the console stopped while writing): not an entry; the chain goes on from the entry before.");
        }
        if (!verdict.intact()) {
            io.out().println(file + ": line " + verdict.brokenLine() + " breaks the chain: " + verdict.why() + ".");
            io.out().println(verdict.entries() + " entries before it are intact.");
            return BROKEN;
        }
        io.out().println(file + ": " + verdict.entries() + " entries, the chain is intact (" + what
                + (verdict.entries() == 0 ? "" : ", entries " + verdict.firstSeq() + " to "
                + (verdict.firstSeq() + verdict.entries() - 1)) + ", last hash " + verdict.lastHash() + ").");
        return INTACT;
    }
}
