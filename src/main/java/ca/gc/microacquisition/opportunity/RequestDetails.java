package ca.gc.microacquisition.opportunity;

/**
 * A requester's request for work, as submitted on the start form (values are loosely typed on purpose:
 * parsing and validation happen in {@link OpportunityService#registerRequest}).
 *
 * @param proposalDeadline an ISO-8601 string with offset, a {@link java.util.Date} or an {@link java.time.Instant}
 * @param deliveryDays     an Integer, Long or String of digits
 */
public record RequestDetails(
        String title,
        String summary,
        String workDescription,
        String acceptanceCriteria,
        String evaluationCriteria,
        String skills,
        String estimatedValue,
        String securityClassification,
        Boolean remoteWork,
        String repositoryUrl,
        String license,
        Boolean containsPersonalInformation,
        Object proposalDeadline,
        Object deliveryDays,
        String department,
        String team,
        String requester) {
}
