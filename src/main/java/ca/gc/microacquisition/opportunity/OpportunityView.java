package ca.gc.microacquisition.opportunity;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** An opportunity as the public and suppliers see it (JSON of the supplier API). */
public record OpportunityView(
        String ref,
        String title,
        String summary,
        String workDescription,
        String status,
        String price,
        String currency,
        String proposalDeadline,
        int deliveryDays,
        String skills,
        String licence,
        String repositoryUrl,
        String acceptanceCriteria,
        List<Criterion> evaluationCriteria,
        String postedAt,
        List<QuestionAndAnswer> questions) {

    public record Criterion(String id, String text) {}

    public record QuestionAndAnswer(String question, String answer) {}

    /** The public view of an opportunity with its answered questions (as the supplier API shows it). */
    public static OpportunityView publicView(Opportunity o, ZoneId zone, List<Question> answered) {
        return of(o, zone, answered);
    }

    static OpportunityView of(Opportunity o, ZoneId zone, List<Question> answered) {
        return new OpportunityView(
                o.getReference(),
                o.getTitle(),
                o.getSummary(),
                o.getWorkDescription(),
                o.getStatus().name(),
                o.getPrice().toPlainString(),
                o.getCurrency(),
                format(o.getProposalDeadline(), zone),
                o.getDeliveryDays(),
                o.getSkills(),
                o.getLicence(),
                o.getRepositoryUrl(),
                o.getAcceptanceCriteria(),
                o.getEvaluationCriteria().stream()
                        .map(c -> new Criterion(c.getCriterionId(), c.getText()))
                        .toList(),
                format(o.getPostedAt(), zone),
                answered == null
                        ? null
                        : answered.stream()
                                .map(q -> new QuestionAndAnswer(q.getQuestion(), q.getAnswer()))
                                .toList());
    }

    /** ISO-8601 with the offset of the display zone, e.g. 2026-03-02T17:00:00-05:00. */
    public static String format(OffsetDateTime time, ZoneId zone) {
        return time == null
                ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        time.atZoneSameInstant(zone).toOffsetDateTime());
    }
}
