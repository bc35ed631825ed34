package ca.gc.microacquisition.portal;

import ca.gc.microacquisition.opportunity.EvaluationCriterion;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityStatus;
import ca.gc.microacquisition.opportunity.PublicText;
import ca.gc.microacquisition.opportunity.Question;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * An opportunity as a page shows it in one language. Fields ending in {@code InEnglish} say that the text is the
 * English original on a French page (the page marks it {@code lang="en"}).
 */
public record OpportunityPage(
        String ref,
        String title,
        boolean titleInEnglish,
        String summary,
        boolean summaryInEnglish,
        String workDescription,
        String status,
        boolean open,
        String price,
        String deadline,
        String deadlineIso,
        String posted,
        int deliveryDays,
        String skills,
        String licence,
        String repositoryUrl,
        List<String> acceptanceCriteria,
        boolean acceptanceInEnglish,
        List<EvaluationCriterion> evaluationCriteria,
        boolean criteriaInEnglish,
        List<QuestionAndAnswer> questions) {

    public record QuestionAndAnswer(String question, String answer) {}

    static OpportunityPage of(Opportunity o, Locale locale, ZoneId zone, List<Question> answered, OffsetDateTime now) {
        boolean open = o.getStatus() == OpportunityStatus.OPEN && now.isBefore(o.getProposalDeadline());
        return new OpportunityPage(
                o.getReference(),
                PublicText.title(o, locale),
                PublicText.titleInEnglish(o, locale),
                PublicText.summary(o, locale),
                PublicText.summaryInEnglish(o, locale),
                o.getWorkDescription(),
                o.getStatus().name(),
                open,
                PublicText.price(o.getPrice(), locale),
                PublicText.dateTime(o.getProposalDeadline(), locale, zone),
                o.getProposalDeadline()
                        .atZoneSameInstant(zone)
                        .toOffsetDateTime()
                        .toString(),
                PublicText.dateTime(o.getPostedAt(), locale, zone),
                o.getDeliveryDays(),
                o.getSkills(),
                o.getLicence(),
                o.getRepositoryUrl(),
                PublicText.acceptanceCriteria(o, locale),
                PublicText.acceptanceCriteriaInEnglish(o, locale),
                PublicText.evaluationCriteria(o, locale),
                PublicText.evaluationCriteriaInEnglish(o, locale),
                answered == null
                        ? List.of()
                        : answered.stream()
                                .map(q -> new QuestionAndAnswer(q.getQuestion(), q.getAnswer()))
                                .toList());
    }

    /** Whether the repository address can be a link (http or https). */
    public boolean repositoryLinkable() {
        return repositoryUrl != null && (repositoryUrl.startsWith("https://") || repositoryUrl.startsWith("http://"));
    }
}
