package ca.gc.microacquisition.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.DomainValidationException;
import ca.gc.microacquisition.common.FieldProblem;
import ca.gc.microacquisition.common.NotFoundException;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.testsupport.DomainTest;
import ca.gc.microacquisition.testsupport.Fixtures;
import ca.gc.microacquisition.testsupport.InMemoryNotifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DomainTest
class OpportunityServiceTest {

    @Autowired
    Fixtures fx;

    @Autowired
    OpportunityService opportunities;

    @Autowired
    QuestionService questions;

    @Autowired
    InMemoryNotifier notifier;

    String team;

    @BeforeEach
    void setUp() {
        fx.reset();
        team = "Team " + UUID.randomUUID();
    }

    @Test
    void registersAValidRequestAsDraftWithAReferenceAndNumberedCriteria() {
        Opportunity o = fx.registered(team);

        assertThat(o.getReference()).matches("MA-2026-\\d{4}");
        assertThat(o.getStatus()).isEqualTo(OpportunityStatus.DRAFT);
        assertThat(o.getPrice()).isEqualByComparingTo("8500.00");
        assertThat(o.getPrice().scale()).isEqualTo(2);
        assertThat(o.getEvaluationCriteria())
                .extracting(EvaluationCriterion::getCriterionId)
                .containsExactly("C1", "C2");
        assertThat(o.getEvaluationCriteria().get(1).getText()).isEqualTo("Can write automated accessibility tests");
        assertThat(o.getPostedAt()).isNull();
        assertThat(opportunities.getByReference(o.getReference()).getId()).isEqualTo(o.getId());
    }

    @Test
    void referencesFollowEachOtherWithinAYearAndRestartInANewYear() {
        Opportunity first = fx.registered(team);
        Opportunity second = fx.registered(team);
        assertThat(number(second)).isEqualTo(number(first) + 1);

        fx.clock.set(Instant.parse("2031-01-05T12:00:00Z"));
        assertThat(fx.registered(team).getReference()).isEqualTo("MA-2031-0001");
        assertThat(fx.registered(team).getReference()).isEqualTo("MA-2031-0002");
    }

    @Test
    void referencesAreDistinctUnderConcurrency() throws Exception {
        fx.clock.set(Instant.parse("2032-06-01T12:00:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                tasks.add(() -> opportunities.registerRequest(fx.request(team)).getReference());
            }
            List<String> refs = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(tasks)) {
                refs.add(f.get());
            }
            assertThat(refs).doesNotHaveDuplicates().hasSize(12).allMatch(r -> r.matches("MA-2032-00(0[1-9]|1[0-2])"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reportsEveryProblemAtOnce() {
        RequestDetails bad = new RequestDetails(
                "Fix",
                null,
                "x",
                "\n \n",
                "",
                null,
                "0.00",
                "TOP_SECRET",
                null,
                "ftp:/nowhere",
                " ",
                null,
                fx.now().plusMinutes(30).toString(),
                "abc",
                " ",
                null,
                null);

        assertThatThrownBy(() -> opportunities.registerRequest(bad))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> {
                    assertThat(e.getProblems())
                            .extracting(FieldProblem::field)
                            .contains(
                                    "title",
                                    "summary",
                                    "acceptanceCriteria",
                                    "evaluationCriteria",
                                    "estimatedValue",
                                    "securityClassification",
                                    "remoteWork",
                                    "repositoryUrl",
                                    "license",
                                    "containsPersonalInformation",
                                    "proposalDeadline",
                                    "deliveryDays",
                                    "department",
                                    "team",
                                    "requester");
                    assertThat(e.getMessage())
                            .startsWith("The request has " + e.getProblems().size() + " problems: ")
                            .contains("estimatedValue: must be more than $0.00")
                            .contains("proposalDeadline: must be in the future");
                });
    }

    @Test
    void valueMustBePositiveAtMostTenThousandWithCents() {
        // Over the pilot's limit is not an input error: the Eligibility table refers it, with every reason.
        assertThat(opportunities.registerRequest(with("12000.00", null, 10)).getPrice())
                .isEqualByComparingTo("12000.00");
        assertProblem(with("10000000000.00", null, 10), "estimatedValue", "not a plausible amount");
        assertProblem(with("12.345", null, 10), "estimatedValue", "at most 2 decimals");
        assertProblem(with("-5", null, 10), "estimatedValue", "more than $0.00");
        assertProblem(with("8.5e3", null, 10), "estimatedValue", "such as 8500.00");
        assertThat(opportunities.registerRequest(with("10000", null, 10)).getPrice())
                .isEqualByComparingTo("10000.00");
    }

    @Test
    void deadlineAtLeastOneHourAndAtMostNinetyDaysAhead() {
        assertProblem(with("100.00", fx.now().plusMinutes(59).toString(), 10), "proposalDeadline", "at least 1 hour");
        assertProblem(with("100.00", fx.now().plusDays(91).toString(), 10), "proposalDeadline", "at most 90 days");
        assertProblem(with("100.00", "next tuesday", 10), "proposalDeadline", "date and time");
        Opportunity fromDate = opportunities.registerRequest(
                with("100.00", Date.from(fx.now().plusDays(3).toInstant()), 10));
        assertThat(fromDate.getProposalDeadline().toInstant())
                .isEqualTo(fx.now().plusDays(3).toInstant());
        Opportunity withOffset = opportunities.registerRequest(with("100.00", "2026-03-10T17:00:00-05:00", "15"));
        assertThat(withOffset.getProposalDeadline().toInstant()).isEqualTo(Instant.parse("2026-03-10T22:00:00Z"));
        assertThat(withOffset.getDeliveryDays()).isEqualTo(15);
    }

    @Test
    void deliveryDaysBetweenOneAndNinety() {
        assertProblem(with("100.00", null, 0), "deliveryDays", "between 1 and 90");
        assertProblem(with("100.00", null, 91L), "deliveryDays", "between 1 and 90");
        assertProblem(with("100.00", null, "two"), "deliveryDays", "whole number");
    }

    @Test
    void repositoryUrlMustBeHttpOrLocal() {
        assertProblem(withRepository("github.com/owner/name"), "repositoryUrl", "repository address");
        assertProblem(withRepository("local://just-one-part"), "repositoryUrl", "repository address");
        assertThat(opportunities
                        .registerRequest(withRepository("https://github.com/owner/name"))
                        .getRepositoryUrl())
                .isEqualTo("https://github.com/owner/name");
    }

    @Test
    void lifecyclePublishCloseRepostAndCancel() {
        Opportunity o = fx.registered(team);
        opportunities.publish(o.getId());
        Opportunity open = opportunities.get(o.getId());
        assertThat(open.getStatus()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(open.getPostedAt()).isEqualTo(fx.now());

        fx.clock.set(open.getProposalDeadline().toInstant());
        assertThat(opportunities.closeProposals(o.getId()).proposalCount()).isZero();
        assertThat(opportunities.get(o.getId()).getStatus()).isEqualTo(OpportunityStatus.CLOSED);

        assertThatThrownBy(() -> opportunities.repost(o.getId(), fx.now().minusDays(1)))
                .isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("newProposalDeadline");
        opportunities.repost(o.getId(), fx.now().plusDays(5));
        Opportunity reposted = opportunities.get(o.getId());
        assertThat(reposted.getStatus()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(reposted.getProposalDeadline()).isEqualTo(fx.now().plusDays(5));

        opportunities.cancel(o.getId(), "No longer needed", "requester");
        Opportunity cancelled = opportunities.get(o.getId());
        assertThat(cancelled.getStatus()).isEqualTo(OpportunityStatus.CANCELLED);
        assertThat(cancelled.getCancelReason()).isEqualTo("No longer needed");
        assertThatThrownBy(() -> opportunities.publish(o.getId())).isInstanceOf(ConflictException.class);
    }

    @Test
    void cancellingTellsEveryProponentInTheirLanguage() {
        Opportunity o = fx.open(team);
        Supplier en = fx.supplier("en");
        Supplier fr = fx.supplier("fr");
        fx.propose(o, en);
        fx.propose(o, fr);

        opportunities.cancel(o.getId(), "Budget withdrawn", "requester");

        assertThat(notifier.to(en.getEmail())).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("OPPORTUNITY_CANCELLED");
            assertThat(n.language()).isEqualTo("en");
            assertThat(n.body()).contains("Budget withdrawn");
        });
        assertThat(notifier.to(fr.getEmail())).anySatisfy(n -> {
            assertThat(n.language()).isEqualTo("fr");
            assertThat(n.subject()).contains("annulée");
        });
    }

    @Test
    void draftsAreNotPublicAndUnknownReferencesAreNotFound() {
        Opportunity draft = fx.registered(team);
        assertThatThrownBy(() -> opportunities.getPublic(draft.getReference())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> opportunities.getByReference("MA-1999-9999")).isInstanceOf(NotFoundException.class);
        assertThat(opportunities.listPublic(true))
                .extracting(Opportunity::getId)
                .doesNotContain(draft.getId());
    }

    @Test
    void questionsAreStoredUnansweredAndPublicOnceAnswered() {
        Opportunity o = fx.open(team);
        Supplier s = fx.supplier("en");
        Question q = questions.askQuestion(o.getReference(), s.getId(), "Which browsers must be supported?");
        assertThat(q.isAnswered()).isFalse();
        assertThat(questions.publicQuestions(o.getId())).isEmpty();

        questions.answerQuestion(q.getId(), "The last two versions of the major browsers.", "requester");
        assertThat(questions.publicQuestions(o.getId()))
                .extracting(Question::getAnswer)
                .containsExactly("The last two versions of the major browsers.");
        // the asker is told, in their language
        assertThat(notifier.to(s.getEmail()))
                .filteredOn(n -> "QUESTION_ANSWERED".equals(n.kind()))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.subject()).isEqualTo("Your question on " + o.getReference() + " was answered");
                    assertThat(n.body())
                            .contains("Which browsers must be supported?")
                            .contains("The last two versions of the major browsers.");
                });

        fx.clock.set(o.getProposalDeadline().toInstant());
        assertThatThrownBy(() -> questions.askQuestion(o.getReference(), s.getId(), "Too late to ask this?"))
                .isInstanceOf(ConflictException.class);
    }

    private RequestDetails with(String value, Object deadline, Object deliveryDays) {
        RequestDetails d = fx.request(team);
        return new RequestDetails(
                d.title(),
                d.summary(),
                d.workDescription(),
                d.acceptanceCriteria(),
                d.evaluationCriteria(),
                d.skills(),
                value,
                d.securityClassification(),
                d.remoteWork(),
                d.repositoryUrl(),
                d.license(),
                d.containsPersonalInformation(),
                deadline == null ? d.proposalDeadline() : deadline,
                deliveryDays,
                d.department(),
                d.team(),
                d.requester());
    }

    private RequestDetails withRepository(String url) {
        return fx.request(team, "100.00", url);
    }

    private void assertProblem(RequestDetails d, String field, String messagePart) {
        assertThatThrownBy(() -> opportunities.registerRequest(d))
                .isInstanceOfSatisfying(
                        DomainValidationException.class,
                        e -> assertThat(e.getProblems()).anySatisfy(p -> {
                            assertThat(p.field()).isEqualTo(field);
                            assertThat(p.message()).contains(messagePart);
                        }));
    }

    private static int number(Opportunity o) {
        return Integer.parseInt(o.getReference().substring(8));
    }
}
