package com.sovera.console.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a trail file, or an export of one, line by line. A month file's first entry continues the chain from
 * the previous month's last entry (checked when that file lies beside it) (the very first entry of a trail follows {@link AuditLine#GENESIS}); an
 * export's header line names the hash its first entry follows, how many entries it holds and the last hash, and
 * all three are checked. A line cut off by a crash is reported and the chain is checked over it, from the last
 * whole entry.
 */
public final class AuditVerifier {

    private static final Pattern MONTH_FILE = Pattern.compile("^(audit-.+-)(\\d{4}-\\d{2})\\.jsonl$");
    private static final Pattern EXPORT = Pattern.compile("^\\{\"audit_export\":\\{.*\"entries\":(\\d{1,18}),"
            + "\"anchor\":\"([0-9a-f]{64})\",\"last\":\"([0-9a-f]{64})\"\\}\\}$");

    /**
     * What the check found.
     *
     * @param entries     the whole entries read
     * @param firstSeq    the number of the first entry (1 when the file starts the trail), 0 when there is none
     * @param lastHash    the last entry's hash (the head), or the anchor when there is no entry
     * @param brokenLine  the number (from 1) of the first line that breaks the chain, 0 when it is intact
     * @param why         why that line breaks it, or null
     * @param cutOffLines the lines a crash cut off (reported, not breaks)
     * @param export      whether the file is an export (a header line first)
     */
    public record Verdict(long entries, long firstSeq, String lastHash, int brokenLine, String why,
                          List<Integer> cutOffLines, boolean export) {

        public boolean intact() {
            return brokenLine == 0;
        }
    }

    private AuditVerifier() {
    }

    /**
     * Checks {@code file}; an IOException when it cannot be read. A month file whose month before lies beside it
     * must continue that file's last entry, so a first line removed shows too.
     */
    public static Verdict verify(Path file) throws IOException {
        return verify(AuditTrail.latin1Lines(Files.readAllBytes(file)), monthBefore(file));
    }

    static Verdict verify(List<String> lines) {
        return verify(lines, null);
    }

    /** The last whole entry of the month before {@code file}'s, when that file lies beside it; else null. */
    private static AuditLine.Entry monthBefore(Path file) throws IOException {
        Matcher m = MONTH_FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        java.time.YearMonth before = java.time.YearMonth.parse(m.group(2)).minusMonths(1);
        Path previous = file.resolveSibling(m.group(1) + before + ".jsonl");
        if (!Files.isRegularFile(previous)) {
            return null;
        }
        List<String> lines = AuditTrail.latin1Lines(Files.readAllBytes(previous));
        for (int i = lines.size() - 1; i >= 0; i--) {
            AuditLine.Entry e = AuditLine.read(lines.get(i));
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static Verdict verify(List<String> lines, AuditLine.Entry monthBefore) {
        List<Integer> cutOff = new ArrayList<>();
        int start = 0;
        Matcher header = lines.isEmpty() ? null : EXPORT.matcher(lines.get(0));
        boolean export = header != null && header.matches();
        String expected = null; // the hash the next entry must follow; null: a month file's first entry sets it
        if (export) {
            expected = header.group(2);
            start = 1;
        }
        long count = 0;
        long firstSeq = 0;
        long seq = 0;
        if (!export && monthBefore != null) {
            expected = monthBefore.hash();
            seq = monthBefore.seq();
        }
        String last = expected == null ? AuditLine.GENESIS : expected;
        for (int i = start; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i);
            AuditLine.Entry e = AuditLine.read(line);
            if (e == null) {
                if (AuditLine.isCutOffEntry(line)) {
                    cutOff.add(number);
                    continue;
                }
                return broken(count, firstSeq, last, number, "it is not an audit entry", cutOff, export);
            }
            if (!e.hashMatches()) {
                return broken(count, firstSeq, last, number, "its hash does not match its content: the line was"
                        + " changed", cutOff, export);
            }
            if (expected == null) {
                if (e.seq() == 1 && !e.prev().equals(AuditLine.GENESIS)) {
                    return broken(count, firstSeq, last, number, "it is entry 1 but does not start the chain",
                            cutOff, export);
                }
            } else if (!e.prev().equals(expected)) {
                return broken(count, firstSeq, last, number, export && count == 0
                        ? "it does not follow the anchor the export's header names"
                        : count == 0 ? "it does not follow the last entry of the month before (entry "
                        + seq + "): a line was removed, inserted or moved"
                        : "it does not follow the entry before it (line " + previousEntryLine(lines, i, start)
                        + "): a line was removed, inserted or moved", cutOff, export);
            }
            if ((count > 0 || (!export && monthBefore != null)) && e.seq() != seq + 1) {
                return broken(count, firstSeq, last, number, "it is entry " + e.seq() + " where entry " + (seq + 1)
                        + " was due", cutOff, export);
            }
            firstSeq = count == 0 ? e.seq() : firstSeq;
            count++;
            seq = e.seq();
            expected = e.hash();
            last = e.hash();
        }
        if (export) {
            long claimed = Long.parseLong(header.group(1));
            if (claimed != count || !header.group(3).equals(last)) {
                return broken(count, firstSeq, last, lines.size() + 1, "the export's header names " + claimed
                        + " entries ending in hash " + header.group(3).substring(0, 16) + ", the file holds " + count
                        + " ending in " + last.substring(0, 16) + ": entries were cut off its end", cutOff, true);
            }
        }
        return new Verdict(count, firstSeq, last, 0, null, List.copyOf(cutOff), export);
    }

    private static int previousEntryLine(List<String> lines, int index, int start) {
        for (int j = index - 1; j >= start; j--) {
            if (AuditLine.read(lines.get(j)) != null) {
                return j + 1;
            }
        }
        return start + 1;
    }

    private static Verdict broken(long count, long firstSeq, String last, int line, String why, List<Integer> cutOff,
                                  boolean export) {
        return new Verdict(count, firstSeq, last, line, why, List.copyOf(cutOff), export);
    }
}
