package ca.gc.microacquisition.testsupport;

import ca.gc.microacquisition.contract.Contract;
import ca.gc.microacquisition.contract.ContractService;
import ca.gc.microacquisition.opportunity.EvaluationCriterion;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.opportunity.RequestDetails;
import ca.gc.microacquisition.proposal.EvaluationEntry;
import ca.gc.microacquisition.proposal.Proposal;
import ca.gc.microacquisition.proposal.ProposalService;
import ca.gc.microacquisition.proposal.ProposalSubmission;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.supplier.SupplierRegistration;
import ca.gc.microacquisition.supplier.SupplierService;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/** Builds test data through the real services. */
public class Fixtures {

    @Autowired
    Payouts payouts;

    public static final Instant START = Instant.parse("2026-03-02T15:00:00Z");
    public static final String PASSWORD = "correct horse battery";

    @Autowired
    public MutableClock clock;

    @Autowired
    public OpportunityService opportunities;

    @Autowired
    public ca.gc.microacquisition.opportunity.QuestionService questions;

    @Autowired
    public SupplierService suppliers;

    @Autowired
    public ProposalService proposals;

    @org.springframework.beans.factory.annotation.Autowired
    public ca.gc.microacquisition.proposal.EvaluationService evaluations;

    @Autowired
    public ContractService contracts;

    public OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** A valid request: deadline 7 days from now, two evaluation criteria, $8,500.00. */
    public RequestDetails request(String team) {
        return request(team, "8500.00", "local://demo/widgets");
    }

    public RequestDetails request(String team, String value, String repositoryUrl) {
        return new RequestDetails(
                "Fix the accessibility of the login form",
                "The login form fails WCAG 2.1 AA checks.",
                "Make the login form pass WCAG 2.1 AA; add automated tests.",
                "All axe-core checks pass\nKeyboard navigation works",
                "Has delivered accessible web forms before\nCan write automated accessibility tests",
                "HTML, ARIA, JavaScript",
                value,
                "UNCLASSIFIED",
                true,
                repositoryUrl,
                "MIT",
                false,
                now().plusDays(7).toString(),
                10,
                "ESDC",
                team,
                "requester");
    }

    public Opportunity registered(String team) {
        return opportunities.registerRequest(request(team));
    }

    /** Registered and posted. */
    public Opportunity open(String team) {
        Opportunity o = registered(team);
        opportunities.publish(o.getId());
        return opportunities.get(o.getId());
    }

    /** A registered supplier who has set up how they get paid (the sandbox onboarding completed). */
    public Supplier supplier(String language) {
        Supplier s = supplierWithoutPayout(language);
        payouts.ready(s.getId());
        return s;
    }

    /** A registered supplier who has not set up how they get paid. */
    public Supplier supplierWithoutPayout(String language) {
        return suppliers.register(new SupplierRegistration(
                "s-" + UUID.randomUUID() + "@example.com",
                PASSWORD,
                "Supplier " + language,
                language,
                new SupplierRegistration.Declarations(true, "CITIZEN", true)));
    }

    public ProposalSubmission submission(Opportunity o) {
        List<ProposalSubmission.Statement> statements = new ArrayList<>();
        for (EvaluationCriterion c : o.getEvaluationCriteria()) {
            statements.add(new ProposalSubmission.Statement(c.getCriterionId(), "Yes: see my work on " + c.getText()));
        }
        return new ProposalSubmission(statements, true, null);
    }

    public Proposal propose(Opportunity o, Supplier s) {
        return proposals.submit(o.getReference(), s.getId(), submission(o));
    }

    /** Moves past the deadline and closes the proposal period. */
    public void closeProposals(Opportunity o) {
        clock.set(o.getProposalDeadline().toInstant().plusSeconds(1));
        opportunities.closeProposals(o.getId());
    }

    /** Evaluates every proposal: those listed in {@code failing} fail C1, the others pass everything. */
    public void evaluate(Opportunity o, List<Proposal> all, List<Proposal> failing) {
        List<EvaluationEntry> entries = new ArrayList<>();
        for (Proposal p : all) {
            for (EvaluationCriterion c : o.getEvaluationCriteria()) {
                boolean fail = failing.stream().anyMatch(f -> f.getId().equals(p.getId()))
                        && c.getCriterionId().equals("C1");
                entries.add(new EvaluationEntry(
                        p.getId(),
                        c.getCriterionId(),
                        fail ? "FAIL" : "PASS",
                        fail ? "No example of accessible forms was given." : "Clear example with a link to the code."));
            }
        }
        evaluations.recordEvaluation(o.getId(), entries, "evaluator");
    }

    /**
     * An opportunity on {@code local://demo/widgets}, two passing proposals (winner English, runner-up French, in
     * draw order), awarded to the first drawn.
     */
    public Awarded awarded(String team) {
        Opportunity o = open(team);
        Supplier a = supplier("en");
        Supplier b = supplier("fr");
        Proposal pa = propose(o, a);
        Proposal pb = propose(o, b);
        closeProposals(o);
        evaluate(o, List.of(pa, pb), List.of());
        UUID first = evaluations.drawWinner(o.getId()).order().get(0);
        boolean aFirst = first.equals(pa.getId());
        Contract c = contracts.award(o.getId(), first);
        return new Awarded(
                opportunities.get(o.getId()),
                aFirst ? a : b,
                proposals.get(aFirst ? pa.getId() : pb.getId()),
                aFirst ? b : a,
                proposals.get(aFirst ? pb.getId() : pa.getId()),
                c);
    }

    /** Awarded, delivered and accepted: ready to pay. */
    public Contract accepted(String team) {
        Awarded aw = awarded(team);
        var d = contracts.submitDelivery(
                aw.contract().getId(), aw.winner().getId(), aw.opportunity().getRepositoryUrl() + "/pull/fix-login");
        contracts.inspectDelivery(d.getId());
        contracts.accept(aw.contract().getId(), "requester");
        return contracts.get(aw.contract().getId());
    }

    public void reset() {
        clock.set(START);
    }

    public void advance(Duration d) {
        clock.advance(d);
    }
}
