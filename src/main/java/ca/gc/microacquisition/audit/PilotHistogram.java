package ca.gc.microacquisition.audit;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Log-scale histograms of durations in whole seconds, from which the pilot metrics take the median and the 90th
 * percentile when a period holds too many requests to read them one by one. Bucket 0 holds 0 s; bucket b &ge; 1
 * holds the whole seconds in [1.01^(b-1), 1.01^b). A bucket is reported as the middle of the whole seconds it can
 * hold: exact when it holds one (durations under about 100 s), otherwise within {@value #RELATIVE_ERROR} of any
 * value in it (half the bucket's relative width). The median is the mean of the two middle ranks' values, the 90th
 * percentile the value at the nearest rank, as percentile_cont(0.5) and percentile_disc(0.9) compute them.
 */
final class PilotHistogram {

    static final double BASE = 1.01;

    /** Largest relative difference between a reported percentile and the exact one (as a fraction). */
    static final double RELATIVE_ERROR = 0.005;

    private static final double LOG_BASE = Math.log(BASE);

    private PilotHistogram() {}

    /** The bucket of a duration in whole seconds (negative durations are 0, as in the metrics). */
    static int bucket(long seconds) {
        if (seconds <= 0) {
            return 0;
        }
        int b = 1 + (int) Math.floor(Math.log(seconds) / LOG_BASE);
        // correct the floating-point edge cases: lower(b) <= seconds < lower(b + 1)
        while (b > 1 && seconds < lower(b)) {
            b--;
        }
        while (seconds >= lower(b + 1)) {
            b++;
        }
        return b;
    }

    /** The smallest whole second of bucket b. */
    static long first(int b) {
        return b == 0 ? 0 : (long) Math.ceil(lower(b));
    }

    /** The largest whole second of bucket b (it may hold none: then first(b) > last(b)). */
    static long last(int b) {
        return b == 0 ? 0 : (long) Math.ceil(lower(b + 1)) - 1;
    }

    private static double lower(int b) {
        return Math.pow(BASE, b - 1);
    }

    /** Twice the value reported for bucket b (first + last: the middle, kept whole). */
    static long twiceMiddle(int b) {
        return first(b) + last(b);
    }

    /** Exact median and 90th percentile (seconds) of the values, or null when there are none. */
    static BigDecimal[] exact(long[] values) {
        if (values.length == 0) {
            return null;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int low = (n - 1) / 2;
        int high = n / 2;
        BigDecimal median = half(sorted[low] + sorted[high]);
        BigDecimal p90 = BigDecimal.valueOf(sorted[p90Rank(n)]);
        return new BigDecimal[] {median, p90};
    }

    /**
     * Median and 90th percentile (seconds) from bucket counts given in increasing bucket order, or null when the
     * counts are all 0.
     */
    static BigDecimal[] estimate(int[] buckets, long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        if (n == 0) {
            return null;
        }
        long low = (n - 1) / 2;
        long high = n / 2;
        BigDecimal median = half(twiceMiddle(at(buckets, counts, low)) + twiceMiddle(at(buckets, counts, high)))
                .divide(BigDecimal.valueOf(2));
        BigDecimal p90 = half(twiceMiddle(at(buckets, counts, p90Rank(n))));
        return new BigDecimal[] {median, p90};
    }

    /** The 0-based rank of the 90th percentile by nearest rank (percentile_disc(0.9)). */
    static int p90Rank(long n) {
        return (int) Math.max(0, (long) Math.ceil(0.9 * n) - 1);
    }

    private static int at(int[] buckets, long[] counts, long rank) {
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += counts[i];
            if (rank < seen) {
                return buckets[i];
            }
        }
        throw new IllegalArgumentException("rank " + rank + " beyond " + seen);
    }

    private static BigDecimal half(long twice) {
        return BigDecimal.valueOf(twice).divide(BigDecimal.valueOf(2));
    }
}
