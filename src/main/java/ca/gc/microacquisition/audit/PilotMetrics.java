package ca.gc.microacquisition.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What the pilot measures, over the requests made in a period. Self-identification is reported only as counts,
 * and a count from 1 to 4 is shown as {@code "<5"} so that nobody can be singled out.
 */
public record PilotMetrics(
        LocalDate from,
        LocalDate to,
        long requests,
        long eligibilityChecked,
        long eligibleRequests,
        BigDecimal eligibleShare,
        long opportunitiesPosted,
        long proposals,
        BigDecimal proposalsPerOpportunity,
        long uniqueSuppliers,
        long firstTimeSuppliers,
        long splittingChecked,
        long splittingFlagged,
        BigDecimal splittingFlaggedShare,
        long contractsAwarded,
        BigDecimal totalAwardedValue,
        BigDecimal totalPaidValue,
        Map<String, Durations> times,
        SelfIdentificationSummary selfIdentification) {

    /** Elapsed time from the request to a milestone, over the requests that reached it. */
    public record Durations(
            long count, BigDecimal medianDays, BigDecimal p90Days, BigDecimal medianHours, BigDecimal p90Hours) {}

    /** Aggregates of voluntary self-identification given with proposals; small cells suppressed. */
    public record SelfIdentificationSummary(
            String proposalsWithSelfIdentification,
            Map<String, String> firstGovernmentContract,
            Map<String, String> smallBusiness,
            Map<String, String> freelancer,
            Map<String, String> regions,
            Map<String, String> underRepresentedGroups) {}
}
