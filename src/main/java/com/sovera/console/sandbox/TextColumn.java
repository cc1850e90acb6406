package com.sovera.console.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One owner's texts of one field (as stored: lower-cased) in creation order (created_at, pk), held in memory to
 * answer a {@code [like]} with an exact total and any page by reading them once: a million e-mails are ~25 MB of
 * Latin-1 text, which {@link String#indexOf} crosses in milliseconds, where H2 reads its index entry by entry and
 * tests each. Immutable: a new row gives a new column, which shares the old one's full chunks.
 *
 * <p>The texts are kept in chunks of {@value #CHUNK} rows, each one string of its texts joined by a line feed;
 * a match that crosses from one text into the next is not one and is skipped.
 */
final class TextColumn {

    static final int CHUNK = 4096;
    private static final Comparator<Row> ORDER = Comparator.comparingLong(Row::created).thenComparingLong(Row::pk);

    /** A row of the column: its primary key, creation time and text. */
    record Row(long pk, long created, String text) {
    }

    /** A question's answer: how many texts match, and the primary keys of those on the page asked, in order. */
    record Matches(long total, List<Long> keys) {
    }

    private final int chunkRows;
    private final List<Chunk> chunks;
    private final int size;
    private final long maxPk;

    private TextColumn(int chunkRows, List<Chunk> chunks) {
        this.chunkRows = chunkRows;
        this.chunks = chunks;
        int n = 0;
        long max = Long.MIN_VALUE;
        for (Chunk chunk : chunks) {
            n += chunk.rows();
            for (long pk : chunk.pks) {
                max = Math.max(max, pk);
            }
        }
        this.size = n;
        this.maxPk = max;
    }

    /** The column of these rows, in any order. */
    static TextColumn of(List<Row> rows) {
        return of(rows, CHUNK);
    }

    /** The same in chunks of {@code chunkRows} rows. */
    static TextColumn of(List<Row> rows, int chunkRows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER);
        return new TextColumn(chunkRows, chunked(sorted, chunkRows));
    }

    /** How many rows it holds. */
    int size() {
        return size;
    }

    /** The greatest primary key it holds; {@link Long#MIN_VALUE} when empty. */
    long maxPk() {
        return maxPk;
    }

    /**
     * This column with these rows added. New rows mostly come after every row: the last chunk, if not full, is made
     * again with them and new chunks follow. A row created before others (two writers: the later creation committed
     * first) makes again the chunks from the first whose last row comes after it, not the whole column.
     */
    TextColumn plus(List<Row> rows) {
        if (rows.isEmpty()) {
            return this;
        }
        List<Row> added = new ArrayList<>(rows);
        added.sort(ORDER);
        int from = chunks.size();
        while (from > 0 && ORDER.compare(chunks.get(from - 1).last(), added.get(0)) > 0) {
            from--;
        }
        if (from == chunks.size() && from > 0 && chunks.get(from - 1).rows() < chunkRows) {
            from--;
        }
        List<Row> again = new ArrayList<>();
        for (int i = from; i < chunks.size(); i++) {
            chunks.get(i).addRowsTo(again);
        }
        again.addAll(added);
        again.sort(ORDER);
        List<Chunk> out = new ArrayList<>(chunks.subList(0, from));
        out.addAll(chunked(again, chunkRows));
        return new TextColumn(chunkRows, out);
    }

    /**
     * The rows matching the pattern: their total, and the keys of the {@code take} from {@code skip} on, in
     * creation order or its reverse.
     */
    Matches find(PercentPattern pattern, long skip, int take, boolean descending) {
        // counting is the cost: the chunks are counted on as many cores as there are, then the page's re-read
        int[] counts = new int[chunks.size()];
        IntStream.range(0, chunks.size()).parallel().forEach(i -> counts[i] = chunks.get(i).scan(pattern, null));
        long total = 0;
        for (int count : counts) {
            total += count;
        }
        if (skip >= total) {
            return new Matches(total, List.of());
        }
        int n = (int) Math.min(take, total - skip);
        long from = descending ? total - skip - n : skip; // the page's first match in creation order
        List<Long> keys = new ArrayList<>(n);
        long before = 0;
        for (int i = 0; i < chunks.size() && keys.size() < n; i++) {
            if (before + counts[i] > from) {
                long skipHere = Math.max(0, from - before);
                Chunk chunk = chunks.get(i);
                int[] seen = {0};
                chunk.scan(pattern, r -> {
                    if (seen[0]++ >= skipHere && keys.size() < n) {
                        keys.add(chunk.pks[r]);
                    }
                });
            }
            before += counts[i];
        }
        if (descending) {
            Collections.reverse(keys);
        }
        return new Matches(total, keys);
    }

    /**
     * Runs a few questions that match nothing, of each shape: the scans are compiled before a first real question
     * (made at start, a million texts' first questions otherwise took 80-140 ms against 10 ms after).
     */
    void prepare() {
        for (int round = 0; round < 8; round++) {
            for (String shape : new String[] {"%\u0000%", "\u0000%", "%\u0000", "\u0000"}) {
                find(PercentPattern.of(shape), 0, 1, false);
            }
        }
    }

    private static List<Chunk> chunked(List<Row> sorted, int chunkRows) {
        List<Chunk> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i += chunkRows) {
            out.add(Chunk.of(sorted.subList(i, Math.min(sorted.size(), i + chunkRows))));
        }
        return out;
    }

    /** Some rows: their texts in one string, where each text ends, their keys and creation times. */
    private static final class Chunk {
        private final String text;
        private final int[] ends;
        private final long[] pks;
        private final long[] created;

        private Chunk(String text, int[] ends, long[] pks, long[] created) {
            this.text = text;
            this.ends = ends;
            this.pks = pks;
            this.created = created;
        }

        static Chunk of(List<Row> rows) {
            StringBuilder text = new StringBuilder(rows.size() * 32);
            int[] ends = new int[rows.size()];
            long[] pks = new long[rows.size()];
            long[] created = new long[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                if (i > 0) {
                    text.append('\n');
                }
                text.append(row.text());
                ends[i] = text.length();
                pks[i] = row.pk();
                created[i] = row.created();
            }
            return new Chunk(text.toString(), ends, pks, created);
        }

        int rows() {
            return pks.length;
        }

        Row last() {
            return row(rows() - 1);
        }

        Row row(int r) {
            return new Row(pks[r], created[r], text.substring(start(r), ends[r]));
        }

        void addRowsTo(List<Row> out) {
            for (int r = 0; r < rows(); r++) {
                out.add(row(r));
            }
        }

        private int start(int r) {
            return r == 0 ? 0 : ends[r - 1] + 1;
        }

        /** How many rows match, each told to {@code hit} (when given) in order. */
        int scan(PercentPattern pattern, java.util.function.IntConsumer hit) {
            String needle = pattern.needle();
            int count = 0;
            if (needle.isEmpty() || !pattern.floating()) { // a text's start or end decides most: each is tried
                for (int r = 0; r < rows(); r++) {
                    if (pattern.matches(text, start(r), ends[r])) {
                        count++;
                        if (hit != null) {
                            hit.accept(r);
                        }
                    }
                }
                return count;
            }
            int n = rows();
            int r = 0;
            int from = 0;
            while (r < n) {
                int at = text.indexOf(needle, from);
                if (at < 0) {
                    break;
                }
                int end = at + needle.length();
                while (r < n && ends[r] < end) {
                    r++;
                }
                if (r == n) {
                    break;
                }
                if (start(r) > at) {
                    from = at + 1; // it crosses from one text into the next
                    continue;
                }
                if (pattern.containsOnly() || pattern.matches(text, start(r), ends[r])) {
                    count++;
                    if (hit != null) {
                        hit.accept(r);
                    }
                }
                from = ends[r] + 1;
                r++;
            }
            return count;
        }
    }

    @Override
    public String toString() {
        return "TextColumn[" + size + " rows in " + chunks.size() + " chunks]";
    }
}
