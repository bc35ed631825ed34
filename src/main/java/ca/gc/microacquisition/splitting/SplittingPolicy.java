package ca.gc.microacquisition.splitting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The pilot's figures as CFOB set them in the {@code SplittingPolicy} decision ({@code processes/ContractSplitting.dmn}):
 * the micro-acquisition limit (used by the Eligibility table and the contract-splitting guardrail), the look-back
 * periods, the per-supplier review level and the minimum posting period. Nothing in Java repeats these values.
 *
 * @param windowDays         how many days back the team's and the repository's other requests are counted
 * @param supplierWindowDays how many days back the awards to a supplier are counted
 * @param threshold          the micro-acquisition threshold (CAD, taxes included), e.g. 10000.00
 * @param nearThresholdRatio the share of the threshold from which a value counts as near it, e.g. 0.90
 * @param supplierReviewLevel all awards to one supplier (every team, look-back period) above which an officer
 *                           reviews the award, e.g. 40000.00
 * @param minimumPostingHours the shortest time an opportunity stays open for proposals after it is posted, e.g. 48
 */
public record SplittingPolicy(
        int windowDays,
        int supplierWindowDays,
        BigDecimal threshold,
        BigDecimal nearThresholdRatio,
        BigDecimal supplierReviewLevel,
        int minimumPostingHours) {

    public SplittingPolicy {
        if (windowDays < 1 || supplierWindowDays < 1) {
            throw new IllegalArgumentException("The look-back periods of the splitting policy must be at least one day"
                    + " (windowDays " + windowDays + ", supplierWindowDays " + supplierWindowDays + ").");
        }
        if (threshold == null || threshold.signum() <= 0) {
            throw new IllegalArgumentException(
                    "The splitting policy's threshold must be a positive amount, not " + threshold + ".");
        }
        if (nearThresholdRatio == null
                || nearThresholdRatio.signum() <= 0
                || nearThresholdRatio.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("The splitting policy's nearThresholdRatio must be above 0 and at most"
                    + " 1, not " + nearThresholdRatio + ".");
        }
        if (supplierReviewLevel == null || supplierReviewLevel.signum() <= 0) {
            throw new IllegalArgumentException("The splitting policy's supplierReviewLevel must be a positive amount,"
                    + " not " + supplierReviewLevel + ".");
        }
        if (minimumPostingHours < 1 || minimumPostingHours > 24 * 30) {
            throw new IllegalArgumentException("The policy's minimumPostingHours must be between 1 and 720 hours, not "
                    + minimumPostingHours + ".");
        }
    }

    /** The lowest value that counts as near the threshold, in cents. */
    public BigDecimal nearThresholdFloor() {
        return threshold.multiply(nearThresholdRatio).setScale(2, RoundingMode.HALF_UP);
    }
}
