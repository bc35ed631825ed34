package ca.gc.microacquisition.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The durations' histograms: buckets that hold what they say, and percentiles within the stated error. */
class PilotHistogramTest {

    @Test
    void everyDurationFallsInItsBucket() {
        for (long s = 0; s < 2_000_000; s++) {
            check(s);
        }
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            check(Math.abs(random.nextLong() % 10_000_000_000L));
        }
        // under about 100 s, one whole second per bucket: exact
        for (long s = 0; s <= 100; s++) {
            int b = PilotHistogram.bucket(s);
            assertThat(PilotHistogram.first(b)).isEqualTo(s);
            assertThat(PilotHistogram.last(b)).isEqualTo(s);
        }
        assertThat(PilotHistogram.bucket(-5)).isZero();
    }

    private static void check(long s) {
        int b = PilotHistogram.bucket(s);
        assertThat(PilotHistogram.first(b)).as("first of bucket of %d", s).isLessThanOrEqualTo(s);
        assertThat(PilotHistogram.last(b)).as("last of bucket of %d", s).isGreaterThanOrEqualTo(s);
        // the reported middle is within 0.5 % of every value in the bucket
        double middle = PilotHistogram.twiceMiddle(b) / 2.0;
        assertThat(Math.abs(middle - s)).isLessThanOrEqualTo(s * PilotHistogram.RELATIVE_ERROR + 1e-9);
    }

    @Test
    void exactPercentilesAreTheMedianAndTheNearestRank() {
        assertThat(PilotHistogram.exact(new long[0])).isNull();
        BigDecimal[] one = PilotHistogram.exact(new long[] {42});
        assertThat(one[0]).isEqualByComparingTo("42");
        assertThat(one[1]).isEqualByComparingTo("42");
        BigDecimal[] eight = PilotHistogram.exact(new long[] {8, 1, 7, 2, 6, 3, 5, 4});
        assertThat(eight[0]).isEqualByComparingTo("4.5"); // mean of the 4th and 5th
        assertThat(eight[1]).isEqualByComparingTo("8"); // ceil(0.9 × 8) = 8th
        long[] ten = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        assertThat(PilotHistogram.exact(ten)[1]).isEqualByComparingTo("9"); // ceil(0.9 × 10) = 9th
        long[] eleven = {11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        assertThat(PilotHistogram.exact(eleven)[0]).isEqualByComparingTo("6");
        assertThat(PilotHistogram.exact(eleven)[1]).isEqualByComparingTo("10"); // ceil(9.9) = 10th
    }

    @Test
    void histogramPercentilesAreWithinHalfAPercentOnALargeSet() {
        Random random = new Random(2026);
        for (int round = 0; round < 20; round++) {
            int n = 1 + random.nextInt(200_000);
            long[] values = new long[n];
            TreeMap<Integer, Long> histogram = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                // log-normal around a few days, as request-to-milestone durations are
                long s = (long) Math.exp(12 + 1.5 * random.nextGaussian());
                values[i] = s;
                histogram.merge(PilotHistogram.bucket(s), 1L, Long::sum);
            }
            BigDecimal[] exact = PilotHistogram.exact(values);
            BigDecimal[] estimate = PilotHistogram.estimate(
                    histogram.keySet().stream().mapToInt(Integer::intValue).toArray(),
                    histogram.values().stream().mapToLong(Long::longValue).toArray());
            for (int p = 0; p < 2; p++) {
                double e = exact[p].doubleValue();
                assertThat(Math.abs(estimate[p].doubleValue() - e))
                        .as("round %d, n %d, percentile %d", round, n, p)
                        .isLessThanOrEqualTo(e * PilotHistogram.RELATIVE_ERROR);
            }
            assertThat(histogram.size()).as("buckets are bounded").isLessThan(2_500);
            Arrays.fill(values, 0);
        }
    }
}
