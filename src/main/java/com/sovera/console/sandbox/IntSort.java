package com.sovera.console.sandbox;

/**
 * A stable merge sort of ints (row numbers) by a comparison of what they stand for, without boxing them; a run
 * already in order costs one comparison per merge.
 */
final class IntSort {

    private static final int INSERTION = 24;

    interface Comparison {
        int compare(int a, int b);
    }

    private IntSort() {
    }

    static void sort(int[] a, Comparison c) {
        sort(a, 0, a.length, c);
    }

    /** Sorts {@code a[from..to)}. */
    static void sort(int[] a, int from, int to, Comparison c) {
        if (to - from < INSERTION) {
            sort(a, a, from, to, c); // in place
            return;
        }
        int[] dst = java.util.Arrays.copyOfRange(a, from, to);
        sort(dst.clone(), dst, 0, dst.length, c);
        System.arraycopy(dst, 0, a, from, dst.length);
    }

    /** Sorts {@code src[lo..hi)} into {@code dst[lo..hi)}; both hold the same ints on entry. */
    private static void sort(int[] src, int[] dst, int lo, int hi, Comparison c) {
        if (hi - lo < INSERTION) {
            for (int i = lo + 1; i < hi; i++) {
                int x = dst[i];
                int j = i - 1;
                while (j >= lo && c.compare(dst[j], x) > 0) {
                    dst[j + 1] = dst[j];
                    j--;
                }
                dst[j + 1] = x;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        sort(dst, src, lo, mid, c);
        sort(dst, src, mid, hi, c);
        if (c.compare(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, lo, dst, lo, hi - lo);
            return;
        }
        for (int i = lo, p = lo, q = mid; i < hi; i++) {
            if (q >= hi || p < mid && c.compare(src[p], src[q]) <= 0) {
                dst[i] = src[p++];
            } else {
                dst[i] = src[q++];
            }
        }
    }
}
