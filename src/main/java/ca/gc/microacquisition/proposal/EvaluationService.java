package ca.gc.microacquisition.proposal;

import static ca.gc.microacquisition.common.Texts.truncate;
import static ca.gc.microacquisition.common.Times.utcNow;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.NotFoundException;
import ca.gc.microacquisition.common.Problems;
import ca.gc.microacquisition.opportunity.EvaluationCriterion;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityRepository;
import ca.gc.microacquisition.opportunity.OpportunityStatus;
import ca.gc.microacquisition.supplier.SupplierIdentity;
import ca.gc.microacquisition.supplier.SupplierRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluation of an opportunity's proposals: the anonymous sheet (labels, no supplier), the PASS/FAIL results with
 * rationales, the random draw among passing proposals (one per supplier), the order of candidates after it, the award
 * record and each supplier's debrief.
 */
@Service
@Transactional
public class EvaluationService {

    private static final EnumSet<OpportunityStatus> DEBRIEF_AVAILABLE =
            EnumSet.of(OpportunityStatus.AWARDED, OpportunityStatus.COMPLETED, OpportunityStatus.CANCELLED);

    private final ProposalRepository proposals;
    private final CriterionEvaluationRepository evaluations;
    private final DrawRepository draws;
    private final OpportunityRepository opportunities;
    private final SupplierRepository suppliers;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EvaluationService(
            ProposalRepository proposals,
            CriterionEvaluationRepository evaluations,
            DrawRepository draws,
            OpportunityRepository opportunities,
            SupplierRepository suppliers,
            Clock clock) {
        this.proposals = proposals;
        this.evaluations = evaluations;
        this.draws = draws;
        this.opportunities = opportunities;
        this.suppliers = suppliers;
        this.clock = clock;
    }

    /** One row per proposal and criterion, by label then criterion; no supplier identity. */
    @Transactional(readOnly = true)
    public List<EvaluationSheetRow> evaluationSheet(UUID opportunityId) {
        Opportunity o = opportunity(opportunityId);
        List<EvaluationSheetRow> rows = new ArrayList<>();
        for (Proposal proposal : proposals.findByOpportunityIdOrderByLabel(opportunityId)) {
            for (EvaluationCriterion c : o.getEvaluationCriteria()) {
                rows.add(new EvaluationSheetRow(
                        proposal.getId(),
                        proposal.getLabel(),
                        c.getCriterionId(),
                        c.getText(),
                        proposal.statementFor(c.getCriterionId())));
            }
        }
        return rows;
    }

    /**
     * Records PASS/FAIL with a rationale for every proposal and criterion (each exactly once). A proposal passes
     * when it passes every criterion.
     */
    public EvaluationResult recordEvaluation(UUID opportunityId, List<EvaluationEntry> entries, String evaluator) {
        Opportunity o = opportunity(opportunityId);
        if (o.getStatus() != OpportunityStatus.EVALUATION) {
            throw new ConflictException(
                    "Cannot record an evaluation: opportunity " + o.getReference() + " is " + o.getStatus() + ".");
        }
        List<Proposal> list = proposals.findByOpportunityIdOrderByLabel(opportunityId);
        if (list.stream().anyMatch(pr -> pr.getDrawRank() != null)) {
            throw new ConflictException("The winner of " + o.getReference()
                    + " has already been drawn; the evaluation can no longer change.");
        }
        Map<UUID, Proposal> byId = new LinkedHashMap<>();
        list.forEach(pr -> byId.put(pr.getId(), pr));
        List<String> criterionIds = o.getEvaluationCriteria().stream()
                .map(EvaluationCriterion::getCriterionId)
                .toList();

        Problems p = new Problems("The evaluation");
        if (evaluator == null || evaluator.isBlank()) {
            p.add("evaluator", "is required");
        }
        Map<String, EvaluationEntry> seen = new HashMap<>();
        List<EvaluationEntry> given = entries == null ? List.of() : entries;
        for (int i = 0; i < given.size(); i++) {
            EvaluationEntry e = given.get(i);
            String where = "entries[" + i + "]";
            if (e == null) {
                p.add(where, "is empty");
                continue;
            }
            Proposal proposal = e.proposalId() == null ? null : byId.get(e.proposalId());
            if (proposal == null) {
                p.add(where + ".proposalId", "is not a proposal of " + o.getReference());
                continue;
            }
            String criterion = e.criterionId() == null ? "" : e.criterionId().strip();
            if (!criterionIds.contains(criterion)) {
                p.add(where + ".criterionId", "'" + criterion + "' is not a criterion of " + o.getReference());
                continue;
            }
            String name = proposal.getLabel() + " / " + criterion;
            if (seen.putIfAbsent(proposal.getId() + "/" + criterion, e) != null) {
                p.add(name, "is evaluated more than once");
                continue;
            }
            String result = e.result() == null ? "" : e.result().strip();
            if (!result.equals("PASS") && !result.equals("FAIL")) {
                p.add(name, "result must be PASS or FAIL");
            }
            if (e.rationale() == null || e.rationale().strip().length() < 10) {
                p.add(name, "rationale must be at least 10 characters (it goes into the supplier's debrief)");
            } else if (e.rationale().strip().length() > 4000) {
                p.add(name, "rationale must be at most 4000 characters");
            }
        }
        for (Proposal proposal : list) {
            for (String criterion : criterionIds) {
                if (!seen.containsKey(proposal.getId() + "/" + criterion)) {
                    p.add(proposal.getLabel() + " / " + criterion, "needs a result and a rationale");
                }
            }
        }
        p.throwIfAny();

        OffsetDateTime now = now();
        evaluations.deleteByProposalIds(byId.keySet());
        int passing = 0;
        for (Proposal proposal : list) {
            boolean passed = true;
            for (String criterion : criterionIds) {
                EvaluationEntry e = seen.get(proposal.getId() + "/" + criterion);
                boolean pass = e.result().strip().equals("PASS");
                passed &= pass;
                evaluations.save(new CriterionEvaluation(
                        proposal.getId(), criterion, pass, e.rationale().strip(), evaluator.strip(), now));
            }
            proposal.evaluated(passed);
            if (passed) {
                passing++;
            }
        }
        return new EvaluationResult(passing);
    }

    /**
     * Draws the winner at random among the passing proposals (in label order, shuffled with a recorded seed).
     * Drawing again returns the recorded draw instead of drawing anew.
     */
    public DrawResult drawWinner(UUID opportunityId) {
        Opportunity o = opportunity(opportunityId);
        Optional<Draw> earlier = draws.findFirstByOpportunityIdOrderByDrawnAtDesc(opportunityId)
                .filter(d -> !d.getOrderedProposalIds().isEmpty());
        if (earlier.isPresent()) {
            List<UUID> order = earlier.get().getOrderedProposalIds();
            return new DrawResult(earlier.get().getSeed(), Optional.of(order.get(0)), order);
        }
        if (o.getStatus() != OpportunityStatus.EVALUATION) {
            throw new ConflictException(
                    "Cannot draw a winner: opportunity " + o.getReference() + " is " + o.getStatus() + ".");
        }
        List<Proposal> passing = onePerSupplier(proposals.findByOpportunityIdOrderByLabel(opportunityId).stream()
                .filter(pr -> pr.getStatus() == ProposalStatus.PASSED)
                .toList());
        List<UUID> input = passing.stream().map(Proposal::getId).toList();
        long seed = random.nextLong();
        List<UUID> order = Draw.replay(input, seed);
        draws.save(new Draw(opportunityId, seed, input, order, now()));
        Map<UUID, Proposal> byId = new HashMap<>();
        passing.forEach(pr -> byId.put(pr.getId(), pr));
        for (int i = 0; i < order.size(); i++) {
            byId.get(order.get(i)).ranked(i + 1);
        }
        if (!order.isEmpty()) {
            byId.get(order.get(0)).select();
        }
        return new DrawResult(seed, order.stream().findFirst(), order);
    }

    /**
     * The passing proposals that enter the draw: one per supplier ({@link SupplierIdentity}), the first sent. Any
     * other proposal of the same supplier (sent before the submission check existed, or through a race) is passed
     * over with the reason, and does not enter the draw.
     */
    private List<Proposal> onePerSupplier(List<Proposal> passing) {
        Map<UUID, String> identityOf = new HashMap<>();
        suppliers
                .findAllById(passing.stream().map(Proposal::getSupplierId).toList())
                .forEach(s -> identityOf.put(s.getId(), SupplierIdentity.of(s.getEmail())));
        List<Proposal> bySubmission = new ArrayList<>(passing);
        bySubmission.sort(Comparator.comparing(Proposal::getSubmittedAt).thenComparing(Proposal::getLabel));
        Map<String, Proposal> first = new HashMap<>();
        Set<UUID> excluded = new HashSet<>();
        for (Proposal pr : bySubmission) {
            String identity = identityOf.getOrDefault(pr.getSupplierId(), "supplier:" + pr.getSupplierId());
            Proposal earlier = first.putIfAbsent(identity, pr);
            if (earlier != null) {
                pr.skip("Not in the draw: " + earlier.getLabel() + " was sent earlier by the same supplier ("
                        + SupplierIdentity.describe(identity) + "); one proposal per supplier.");
                excluded.add(pr.getId());
            }
        }
        return passing.stream().filter(pr -> !excluded.contains(pr.getId())).toList();
    }

    /** The recorded draw of an opportunity, for audit. */
    @Transactional(readOnly = true)
    public Optional<Draw> draw(UUID opportunityId) {
        return draws.findFirstByOpportunityIdOrderByDrawnAtDesc(opportunityId);
    }

    /**
     * Passes over the current candidate (kept as SKIPPED with the reason) and selects the next passing proposal in
     * draw order, if any.
     */
    public Optional<UUID> nextCandidate(UUID opportunityId, UUID currentProposalId, String reason) {
        Proposal current = proposal(currentProposalId);
        if (!current.getOpportunityId().equals(opportunityId)) {
            throw new NotFoundException(
                    "Proposal " + currentProposalId + " is not a proposal of opportunity " + opportunityId + ".");
        }
        if (current.getDrawRank() == null) {
            throw new ConflictException(current.getLabel() + " was not part of the draw.");
        }
        current.skip(reason == null || reason.isBlank() ? "Passed over" : truncate(reason.strip(), 1000));
        Optional<Proposal> next = proposals.findByOpportunityIdOrderByLabel(opportunityId).stream()
                .filter(pr -> pr.getDrawRank() != null && pr.getDrawRank() > current.getDrawRank())
                .filter(pr -> pr.getStatus() != ProposalStatus.SKIPPED && pr.getStatus() != ProposalStatus.FAILED)
                .min(Comparator.comparing(Proposal::getDrawRank));
        next.ifPresent(Proposal::select);
        return next.map(Proposal::getId);
    }

    /**
     * Records the award: the winner AWARDED, every other passing proposal NOT_SELECTED (failed and skipped ones
     * keep their status). Returns the other proposals, for their debriefs.
     */
    public List<Proposal> recordAward(UUID opportunityId, UUID winnerId) {
        Proposal winner = proposal(winnerId);
        if (!winner.getOpportunityId().equals(opportunityId)) {
            throw new NotFoundException(
                    "Proposal " + winnerId + " is not a proposal of opportunity " + opportunityId + ".");
        }
        if (!EnumSet.of(
                        ProposalStatus.PASSED,
                        ProposalStatus.SELECTED,
                        ProposalStatus.NOT_SELECTED,
                        ProposalStatus.AWARDED)
                .contains(winner.getStatus())) {
            throw new ConflictException(
                    winner.getLabel() + " is " + winner.getStatus() + " and cannot be awarded the contract.");
        }
        winner.award();
        List<Proposal> others = new ArrayList<>();
        for (Proposal pr : proposals.findByOpportunityIdOrderByLabel(opportunityId)) {
            if (pr.getId().equals(winnerId)) {
                continue;
            }
            if (pr.getStatus() == ProposalStatus.PASSED
                    || pr.getStatus() == ProposalStatus.SELECTED
                    || pr.getStatus() == ProposalStatus.SUBMITTED) {
                pr.notSelected();
            }
            others.add(pr);
        }
        return others;
    }

    /** The per-criterion results, in criterion order. */
    @Transactional(readOnly = true)
    public List<CriterionEvaluation> results(UUID proposalId) {
        return evaluations.findByProposalId(proposalId).stream()
                .sorted(Comparator.comparing(
                        CriterionEvaluation::getCriterionId,
                        Comparator.comparingInt(EvaluationService::criterionNumber)))
                .toList();
    }

    /**
     * The debrief for a proposal in English or French: its pass/fail per criterion with the rationale.
     * Empty until the opportunity is awarded or cancelled, or when the proposal was never evaluated.
     */
    @Transactional(readOnly = true)
    public Optional<String> debrief(UUID proposalId, String language) {
        Proposal proposal = proposal(proposalId);
        Opportunity o = opportunity(proposal.getOpportunityId());
        if (!DEBRIEF_AVAILABLE.contains(o.getStatus())) {
            return Optional.empty();
        }
        List<CriterionEvaluation> results = results(proposalId);
        if (results.isEmpty()) {
            return Optional.empty();
        }
        boolean fr = "fr".equals(language);
        Map<String, String> texts = new HashMap<>();
        o.getEvaluationCriteria().forEach(c -> texts.put(c.getCriterionId(), c.getText()));
        StringBuilder b = new StringBuilder();
        b.append(fr ? "Résultat de l'évaluation de votre proposition pour " : "Evaluation of your proposal for ")
                .append(o.getReference())
                .append(" (")
                .append(o.getTitle())
                .append(")\n");
        for (CriterionEvaluation r : results) {
            b.append(r.getCriterionId())
                    .append(" — ")
                    .append(texts.getOrDefault(r.getCriterionId(), ""))
                    .append(": ")
                    .append(r.isPassed() ? (fr ? "RÉUSSI" : "PASS") : (fr ? "ÉCHEC" : "FAIL"))
                    .append(". ")
                    .append(r.getRationale())
                    .append('\n');
        }
        if (proposal.getStatus() == ProposalStatus.SKIPPED && proposal.getSkipReason() != null) {
            b.append(fr ? "Votre proposition a été écartée : " : "Your proposal was passed over: ")
                    .append(proposal.getSkipReason())
                    .append('\n');
        }
        return Optional.of(b.toString().strip());
    }

    private static int criterionNumber(String criterionId) {
        try {
            return Integer.parseInt(criterionId.substring(1));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    private Proposal proposal(UUID id) {
        return proposals
                .findById(id)
                .orElseThrow(() -> new NotFoundException("There is no proposal with id " + id + "."));
    }

    private Opportunity opportunity(UUID id) {
        return opportunities
                .findById(id)
                .orElseThrow(() -> new NotFoundException("There is no opportunity with id " + id + "."));
    }

    private OffsetDateTime now() {
        return utcNow(clock);
    }
}
