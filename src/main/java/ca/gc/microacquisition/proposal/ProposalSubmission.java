package ca.gc.microacquisition.proposal;

import java.util.List;

/**
 * A supplier's proposal as sent to {@code POST /api/opportunities/{ref}/proposals}.
 *
 * @param statements          one statement per evaluation criterion
 * @param acceptTerms         must be true: the supplier accepts the one-page terms
 * @param selfIdentification  optional, voluntary; kept apart from evaluation
 */
public record ProposalSubmission(
        List<Statement> statements, Boolean acceptTerms, SelfIdentificationData selfIdentification) {

    public record Statement(String criterionId, String text) {}

    /**
     * Voluntary self-identification for pilot reporting. Every field is optional.
     *
     * @param underRepresentedGroups free-text group names the supplier chooses to report
     */
    public record SelfIdentificationData(
            Boolean firstGovernmentContract,
            String region,
            Boolean smallBusiness,
            Boolean freelancer,
            List<String> underRepresentedGroups) {}
}
