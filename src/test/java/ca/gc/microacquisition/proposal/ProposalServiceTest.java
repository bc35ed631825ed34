package ca.gc.microacquisition.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.DomainValidationException;
import ca.gc.microacquisition.common.FieldProblem;
import ca.gc.microacquisition.common.NotFoundException;
import ca.gc.microacquisition.contract.ContractService;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityStatus;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.supplier.SupplierRegistration;
import ca.gc.microacquisition.testsupport.DomainTest;
import ca.gc.microacquisition.testsupport.Fixtures;
import ca.gc.microacquisition.testsupport.InMemoryNotifier;
import ca.gc.microacquisition.testsupport.RecordingProcurementEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DomainTest
class ProposalServiceTest {

    @Autowired
    Fixtures fx;

    @Autowired
    ProposalService proposals;

    @org.springframework.beans.factory.annotation.Autowired
    ca.gc.microacquisition.proposal.EvaluationService evaluations;

    @Autowired
    ContractService contracts;

    @Autowired
    RecordingProcurementEvents events;

    @Autowired
    InMemoryNotifier notifier;

    @Autowired
    SelfIdentificationRepository selfIdentifications;

    Opportunity open;

    @BeforeEach
    void setUp() {
        fx.reset();
        open = fx.open("Team " + UUID.randomUUID());
    }

    @Test
    void submitStoresTheProposalWithAnAnonymousLabelAndTellsTheProcess() {
        Supplier a = fx.supplier("en");
        Supplier b = fx.supplier("fr");
        ProposalSubmission s = fx.submission(open);
        ProposalSubmission withSelfId = new ProposalSubmission(
                s.statements(),
                true,
                new ProposalSubmission.SelfIdentificationData(true, "Nunavut", true, null, List.of("Indigenous")));

        Proposal first = proposals.submit(open.getReference(), a.getId(), withSelfId);
        Proposal second = fx.propose(open, b);

        assertThat(first.getLabel()).isEqualTo("Proposal A");
        assertThat(second.getLabel()).isEqualTo("Proposal B");
        assertThat(first.getStatus()).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(proposals.get(first.getId()).getStatements())
                .extracting(ProposalStatement::getCriterionId)
                .containsExactly("C1", "C2");
        assertThat(selfIdentifications.findById(first.getId())).hasValueSatisfying(si -> {
            assertThat(si.getRegion()).isEqualTo("Nunavut");
            assertThat(si.getUnderRepresentedGroups()).isEqualTo("Indigenous");
        });
        assertThat(selfIdentifications.findById(second.getId())).isEmpty();
        assertThat(events.about(open.getReference()))
                .extracting(RecordingProcurementEvents.Event::actor)
                .containsExactly("supplier:" + a.getId(), "supplier:" + b.getId());

        proposals.acknowledge(first.getId());
        assertThat(notifier.to(a.getEmail())).anyMatch(n -> n.kind().equals("PROPOSAL_RECEIVED"));
    }

    @Test
    void acceptedUntilTheSecondBeforeTheDeadlineOnly() {
        fx.clock.set(open.getProposalDeadline().toInstant().minusSeconds(1));
        assertThat(fx.propose(open, fx.supplier("en")).getStatus()).isEqualTo(ProposalStatus.SUBMITTED);

        fx.clock.set(open.getProposalDeadline().toInstant());
        Supplier late = fx.supplier("en");
        assertThatThrownBy(() -> fx.propose(open, late))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("deadline");
    }

    @Test
    void oneProposalPerSupplier() {
        Supplier s = fx.supplier("en");
        fx.propose(open, s);
        assertThatThrownBy(() -> fx.propose(open, s))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("only one proposal");
    }

    @Test
    void notAcceptedUnlessOpen() {
        Opportunity draft = fx.registered("Team " + UUID.randomUUID());
        Supplier s = fx.supplier("en");
        assertThatThrownBy(() -> proposals.submit(draft.getReference(), s.getId(), fx.submission(draft)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> proposals.submit("MA-2026-9999", s.getId(), fx.submission(open)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyCriterionNeedsAStatementTheTermsMustBeAcceptedAndDeclarationsSatisfied() {
        Supplier minor = fx.suppliers.register(new SupplierRegistration(
                "minor-" + UUID.randomUUID() + "@example.com",
                Fixtures.PASSWORD,
                "Young",
                "en",
                new SupplierRegistration.Declarations(false, "CITIZEN", true)));
        ProposalSubmission bad = new ProposalSubmission(
                List.of(
                        new ProposalSubmission.Statement("C1", " "),
                        new ProposalSubmission.Statement("C9", "Unknown criterion"),
                        new ProposalSubmission.Statement("C1", "Twice")),
                false,
                null);

        assertThatThrownBy(() -> proposals.submit(open.getReference(), minor.getId(), bad))
                .isInstanceOfSatisfying(
                        DomainValidationException.class,
                        e -> assertThat(e.getProblems())
                                .extracting(FieldProblem::field)
                                .contains(
                                        "statements[0].text",
                                        "statements[1].criterionId",
                                        "statements[2].criterionId",
                                        "statements",
                                        "acceptTerms",
                                        "declarations"));
        assertThat(proposals.forSupplier(minor.getId())).isEmpty();
    }

    @Test
    void evaluationSheetHasOneRowPerProposalAndCriterionWithoutSupplierIdentity() {
        Proposal a = fx.propose(open, fx.supplier("en"));
        Proposal b = fx.propose(open, fx.supplier("en"));
        fx.closeProposals(open);

        List<EvaluationSheetRow> sheet = evaluations.evaluationSheet(open.getId());

        assertThat(sheet)
                .extracting(r -> r.proposalLabel() + "/" + r.criterionId())
                .containsExactly("Proposal A/C1", "Proposal A/C2", "Proposal B/C1", "Proposal B/C2");
        assertThat(sheet.get(0).proposalId()).isEqualTo(a.getId());
        assertThat(sheet.get(3).proposalId()).isEqualTo(b.getId());
        assertThat(sheet.get(1).statement()).startsWith("Yes: see my work on");
    }

    @Test
    void evaluationMustCoverEveryProposalAndCriterionOnceWithRationale() {
        Proposal a = fx.propose(open, fx.supplier("en"));
        Proposal b = fx.propose(open, fx.supplier("en"));
        fx.closeProposals(open);
        List<EvaluationEntry> entries = List.of(
                new EvaluationEntry(a.getId(), "C1", "PASS", "Good example given."),
                new EvaluationEntry(a.getId(), "C1", "PASS", "Good example given."),
                new EvaluationEntry(a.getId(), "C2", "MAYBE", "short"),
                new EvaluationEntry(UUID.randomUUID(), "C1", "PASS", "Not a proposal of it."),
                new EvaluationEntry(b.getId(), "C7", "PASS", "Unknown criterion here."));

        assertThatThrownBy(() -> evaluations.recordEvaluation(open.getId(), entries, "evaluator"))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> {
                    assertThat(e.getProblems())
                            .extracting(FieldProblem::field)
                            .contains(
                                    "Proposal A / C1",
                                    "Proposal A / C2",
                                    "entries[3].proposalId",
                                    "entries[4].criterionId",
                                    "Proposal B / C1",
                                    "Proposal B / C2");
                    assertThat(e.getMessage())
                            .contains("result must be PASS or FAIL")
                            .contains("rationale must be at least 10 characters")
                            .contains("is evaluated more than once");
                });
        assertThat(proposals.get(a.getId()).getStatus()).isEqualTo(ProposalStatus.SUBMITTED);
    }

    @Test
    void aProposalPassesWhenEveryCriterionPasses() {
        Proposal a = fx.propose(open, fx.supplier("en"));
        Proposal b = fx.propose(open, fx.supplier("en"));
        fx.closeProposals(open);
        List<EvaluationEntry> entries = List.of(
                new EvaluationEntry(a.getId(), "C1", "PASS", "Good example given."),
                new EvaluationEntry(a.getId(), "C2", "PASS", "Tests were shown."),
                new EvaluationEntry(b.getId(), "C1", "PASS", "Good example given."),
                new EvaluationEntry(b.getId(), "C2", "FAIL", "No test automation shown."));

        assertThat(evaluations
                        .recordEvaluation(open.getId(), entries, "evaluator")
                        .passingCount())
                .isEqualTo(1);
        assertThat(proposals.get(a.getId()).getStatus()).isEqualTo(ProposalStatus.PASSED);
        assertThat(proposals.get(b.getId()).getStatus()).isEqualTo(ProposalStatus.FAILED);
        assertThat(evaluations.results(b.getId()))
                .extracting(CriterionEvaluation::isPassed)
                .containsExactly(true, false);
    }

    @Test
    void evaluationOnlyDuringEvaluation() {
        Proposal a = fx.propose(open, fx.supplier("en"));
        assertThatThrownBy(() -> evaluations.recordEvaluation(
                        open.getId(),
                        List.of(new EvaluationEntry(a.getId(), "C1", "PASS", "Good example given.")),
                        "evaluator"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theDrawIsRecordedAndReproducibleFromItsSeed() {
        List<Proposal> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(fx.propose(open, fx.supplier("en")));
        }
        fx.closeProposals(open);
        fx.evaluate(open, all, List.of(all.get(1)));

        DrawResult draw = evaluations.drawWinner(open.getId());

        List<UUID> passingByLabel =
                all.stream().filter(p -> p != all.get(1)).map(Proposal::getId).toList();
        assertThat(draw.order()).containsExactlyInAnyOrderElementsOf(passingByLabel);
        assertThat(Draw.replay(passingByLabel, draw.seed())).isEqualTo(draw.order());
        List<UUID> manual = new ArrayList<>(passingByLabel);
        java.util.Collections.shuffle(manual, new java.util.Random(draw.seed()));
        assertThat(manual).isEqualTo(draw.order());
        assertThat(draw.selectedProposalId()).contains(draw.order().get(0));

        Draw recorded = evaluations.draw(open.getId()).orElseThrow();
        assertThat(recorded.getSeed()).isEqualTo(draw.seed());
        assertThat(recorded.getAlgorithm())
                .isEqualTo("java.util.Random/Collections.shuffle over proposals ordered by label");
        assertThat(recorded.getOrderedProposalIds()).isEqualTo(draw.order());
        assertThat(recorded.getInputProposalIds()).isEqualTo(passingByLabel);
        for (int i = 0; i < draw.order().size(); i++) {
            assertThat(proposals.get(draw.order().get(i)).getDrawRank()).isEqualTo(i + 1);
        }
        assertThat(proposals.get(draw.order().get(0)).getStatus()).isEqualTo(ProposalStatus.SELECTED);
        assertThat(proposals.get(all.get(1).getId()).getDrawRank()).isNull();

        assertThat(evaluations.drawWinner(open.getId())).isEqualTo(draw);
    }

    @Test
    void nextCandidateFollowsTheDrawOrderAndKeepsTheReason() {
        List<Proposal> all = List.of(
                fx.propose(open, fx.supplier("en")),
                fx.propose(open, fx.supplier("en")),
                fx.propose(open, fx.supplier("en")));
        fx.closeProposals(open);
        fx.evaluate(open, all, List.of());
        DrawResult draw = evaluations.drawWinner(open.getId());

        Optional<UUID> second =
                evaluations.nextCandidate(open.getId(), draw.order().get(0), "Not delivered");
        assertThat(second).contains(draw.order().get(1));
        assertThat(proposals.get(draw.order().get(0)).getStatus()).isEqualTo(ProposalStatus.SKIPPED);
        assertThat(proposals.get(draw.order().get(0)).getSkipReason()).isEqualTo("Not delivered");
        assertThat(proposals.get(draw.order().get(1)).getStatus()).isEqualTo(ProposalStatus.SELECTED);

        assertThat(evaluations.nextCandidate(open.getId(), draw.order().get(1), "Splitting"))
                .contains(draw.order().get(2));
        assertThat(evaluations.nextCandidate(open.getId(), draw.order().get(2), "Splitting"))
                .isEmpty();
    }

    @Test
    void debriefAfterAwardGivesEachCriterionWithItsRationale() {
        Supplier winner = fx.supplier("en");
        Supplier loser = fx.supplier("fr");
        Proposal w = fx.propose(open, winner);
        Proposal l = fx.propose(open, loser);
        fx.closeProposals(open);
        fx.evaluate(open, List.of(w, l), List.of(l));
        assertThat(evaluations.debrief(l.getId(), "en")).isEmpty();
        DrawResult draw = evaluations.drawWinner(open.getId());
        assertThat(draw.order()).containsExactly(w.getId());

        contracts.award(open.getId(), w.getId());

        assertThat(fx.opportunities.get(open.getId()).getStatus()).isEqualTo(OpportunityStatus.AWARDED);
        assertThat(proposals.get(l.getId()).getStatus()).isEqualTo(ProposalStatus.FAILED);
        assertThat(evaluations.debrief(l.getId(), "en"))
                .hasValueSatisfying(text -> assertThat(text)
                        .contains("C1")
                        .contains("FAIL")
                        .contains("No example of accessible forms was given.")
                        .contains("C2")
                        .contains("PASS"));
        assertThat(evaluations.debrief(l.getId(), "fr"))
                .hasValueSatisfying(text -> assertThat(text).contains("ÉCHEC").contains("RÉUSSI"));
    }

    @Test
    void labelsBeyondZ() {
        assertThat(Proposal.label(1)).isEqualTo("Proposal A");
        assertThat(Proposal.label(26)).isEqualTo("Proposal Z");
        assertThat(Proposal.label(27)).isEqualTo("Proposal AA");
    }
}
