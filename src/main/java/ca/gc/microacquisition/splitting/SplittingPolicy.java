package ca.gc.microacquisition.splitting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures the contract-splitting guardrail works with, as CFOB set them in the {@code SplittingPolicy}
 * decision ({@code processes/ContractSplitting.dmn}).
 *
 * @param windowDays         how many days back the team's and the repository's other requests are counted
 * @param supplierWindowDays how many days back the awards to a supplier are counted
 * @param threshold          the micro-acquisition threshold (CAD, taxes included), e.g. 10000.00
 * @param nearThresholdRatio the share of the threshold from which a value counts as near it, e.g. 0.90
 */
public record SplittingPolicy(int windowDays, int supplierWindowDays, BigDecimal threshold,
                              BigDecimal nearThresholdRatio) {

    public SplittingPolicy {
        if (windowDays < 1 || supplierWindowDays < 1) {
            throw new IllegalArgumentException("The look-back periods of the splitting policy must be at least one day"
                    + " (windowDays " + windowDays + ", supplierWindowDays " + supplierWindowDays + ").");
        }
        if (threshold == null || threshold.signum() <= 0) {
            throw new IllegalArgumentException("The splitting policy's threshold must be a positive amount, not "
                    + threshold + ".");
        }
        if (nearThresholdRatio == null || nearThresholdRatio.signum() <= 0
                || nearThresholdRatio.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("The splitting policy's nearThresholdRatio must be above 0 and at most"
                    + " 1, not " + nearThresholdRatio + ".");
        }
    }

    /** The lowest value that counts as near the threshold, in cents. */
    public BigDecimal nearThresholdFloor() {
        return threshold.multiply(nearThresholdRatio).setScale(2, RoundingMode.HALF_UP);
    }
}
