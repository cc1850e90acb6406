package com.sovera.console.sandbox;

/**
 * Sorts longs (signed) and the row numbers that go with them, a byte at a time from the lowest (a stable sort in
 * eight sequential passes, a pass skipped where all the keys share that byte): millions of keys without the random
 * reads of a comparison sort or of a binary search per row.
 */
final class RadixSort {

    private RadixSort() {
    }

    /** Sorts {@code keys} ascending and moves {@code rows} with them; equal keys keep their rows' order. */
    static void sort(long[] keys, int[] rows) {
        int n = keys.length;
        long[] fromKeys = keys;
        int[] fromRows = rows;
        long[] toKeys = null;
        int[] toRows = null;
        int[] count = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            int flip = shift == 56 ? 0x80 : 0; // the sign byte: negative keys first
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[((int) (fromKeys[i] >>> shift) & 0xFF ^ flip) + 1]++;
            }
            boolean oneByte = false;
            for (int b = 1; b <= 256 && !oneByte; b++) {
                oneByte = count[b] == n;
            }
            if (oneByte) {
                continue;
            }
            for (int b = 0; b < 256; b++) {
                count[b + 1] += count[b];
            }
            if (toKeys == null) {
                toKeys = new long[n];
                toRows = new int[n];
            }
            for (int i = 0; i < n; i++) {
                int at = count[(int) (fromKeys[i] >>> shift) & 0xFF ^ flip]++;
                toKeys[at] = fromKeys[i];
                toRows[at] = fromRows[i];
            }
            long[] k = fromKeys;
            fromKeys = toKeys;
            toKeys = k;
            int[] r = fromRows;
            fromRows = toRows;
            toRows = r;
        }
        if (fromKeys != keys) {
            System.arraycopy(fromKeys, 0, keys, 0, n);
            System.arraycopy(fromRows, 0, rows, 0, n);
        }
    }
}
