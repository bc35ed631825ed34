package ca.gc.microacquisition.opportunity;

/**
 * A requester's request for work, as submitted on the start form (values are loosely typed on purpose:
 * parsing and validation happen in {@link OpportunityService#registerRequest}).
 *
 * @param proposalDeadline an ISO-8601 string with offset, a {@link java.util.Date} or an {@link java.time.Instant}
 * @param deliveryDays     an Integer, Long or String of digits
 * @param titleFr          optional French title (likewise summaryFr, acceptanceCriteriaFr and evaluationCriteriaFr;
 *                         French criteria one per line, in the same order as the English ones)
 * @param testOpportunity  true for a test opportunity, never shown to the public
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
        String requester,
        String titleFr,
        String summaryFr,
        String acceptanceCriteriaFr,
        String evaluationCriteriaFr,
        Boolean testOpportunity) {

    /** A request written in English only, not a test. */
    public RequestDetails(
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
        this(
                title,
                summary,
                workDescription,
                acceptanceCriteria,
                evaluationCriteria,
                skills,
                estimatedValue,
                securityClassification,
                remoteWork,
                repositoryUrl,
                license,
                containsPersonalInformation,
                proposalDeadline,
                deliveryDays,
                department,
                team,
                requester,
                null,
                null,
                null,
                null,
                false);
    }
}
