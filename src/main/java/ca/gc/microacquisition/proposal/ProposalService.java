package ca.gc.microacquisition.proposal;

import static ca.gc.microacquisition.common.Texts.truncate;
import static ca.gc.microacquisition.common.Times.utcNow;

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

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.NotFoundException;
import ca.gc.microacquisition.common.Problems;
import ca.gc.microacquisition.opportunity.EvaluationCriterion;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityRepository;
import ca.gc.microacquisition.opportunity.OpportunityStatus;
import ca.gc.microacquisition.procurement.ProcurementEvents;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.supplier.SupplierIdentity;
import ca.gc.microacquisition.supplier.SupplierNotices;
import ca.gc.microacquisition.supplier.SupplierRepository;

/** Proposals: submission, anonymous evaluation, the random draw and the order of candidates. */
@Service
@Transactional
public class ProposalService {

    /** The version of the terms a supplier accepts with a proposal; the contract records the same version. */
    public static final String TERMS_VERSION = "2026-1";

    private static final EnumSet<OpportunityStatus> DEBRIEF_AVAILABLE =
            EnumSet.of(OpportunityStatus.AWARDED, OpportunityStatus.COMPLETED, OpportunityStatus.CANCELLED);

    private final ProposalRepository proposals;
    private final CriterionEvaluationRepository evaluations;
    private final DrawRepository draws;
    private final SelfIdentificationRepository selfIdentifications;
    private final OpportunityRepository opportunities;
    private final SupplierRepository suppliers;
    private final SupplierNotices notices;
    private final ProcurementEvents events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ProposalService(ProposalRepository proposals, CriterionEvaluationRepository evaluations, DrawRepository draws,
                    SelfIdentificationRepository selfIdentifications, OpportunityRepository opportunities,
                    SupplierRepository suppliers, SupplierNotices notices, ProcurementEvents events, Clock clock) {
        this.proposals = proposals;
        this.evaluations = evaluations;
        this.draws = draws;
        this.selfIdentifications = selfIdentifications;
        this.opportunities = opportunities;
        this.suppliers = suppliers;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores a supplier's proposal while the opportunity is open and before its deadline (to the second), then
     * tells the running procurement.
     */
    public Proposal submit(String ref, UUID supplierId, ProposalSubmission s) {
        OffsetDateTime now = now();
        Opportunity found = opportunities.findByReference(ref == null ? "" : ref.strip().toUpperCase(java.util.Locale.ROOT))
                .filter(posted -> posted.getPostedAt() != null)
                .orElseThrow(() -> new NotFoundException("There is no opportunity " + ref + "."));
        Opportunity o = opportunities.lockById(found.getId()).orElseThrow();
        if (o.getStatus() != OpportunityStatus.OPEN || !now.isBefore(o.getProposalDeadline())) {
            throw new ConflictException("Opportunity " + o.getReference() + " is not accepting proposals: "
                    + (o.getStatus() == OpportunityStatus.OPEN
                    ? "the deadline (" + o.getProposalDeadline() + ") has passed."
                    : "it is " + o.getStatus() + "."));
        }
        Supplier supplier = suppliers.findById(supplierId)
                .orElseThrow(() -> new NotFoundException("There is no supplier with id " + supplierId + "."));
        if (proposals.existsInCurrentRound(o.getId(), supplierId)) {
            throw new ConflictException("You have already sent a proposal for " + o.getReference()
                    + "; only one proposal per supplier is accepted" + (o.getRound() > 1 ? " in each round." : "."));
        }
        refuseSameSupplier(o, supplier);

        Problems p = new Problems("The proposal");
        if (s == null) {
            p.add("proposal", "is required").throwIfAny();
        }
        Map<String, String> byCriterion = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        o.getEvaluationCriteria().forEach(c -> known.add(c.getCriterionId()));
        if (s.statements() == null || s.statements().isEmpty()) {
            p.add("statements", "needs one statement per evaluation criterion");
        } else {
            for (int i = 0; i < s.statements().size(); i++) {
                ProposalSubmission.Statement st = s.statements().get(i);
                String field = "statements[" + i + "]";
                if (st == null || st.criterionId() == null || st.criterionId().isBlank()) {
                    p.add(field + ".criterionId", "is required");
                    continue;
                }
                String id = st.criterionId().strip();
                if (!known.contains(id)) {
                    p.add(field + ".criterionId", "'" + id + "' is not a criterion of this opportunity (expected "
                            + String.join(", ", known.stream().sorted().toList()) + ")");
                    continue;
                }
                if (byCriterion.containsKey(id)) {
                    p.add(field + ".criterionId", "criterion " + id + " has more than one statement");
                    continue;
                }
                String text = p.text(field + ".text", st.text(), 1, 4000);
                byCriterion.put(id, text == null ? "" : text);
            }
            for (EvaluationCriterion c : o.getEvaluationCriteria()) {
                if (!byCriterion.containsKey(c.getCriterionId())) {
                    p.add("statements", "needs a statement for " + c.getCriterionId() + " (" + c.getText() + ")");
                }
            }
        }
        if (!Boolean.TRUE.equals(s.acceptTerms())) {
            p.add("acceptTerms", "must be true: you must accept the terms to send a proposal");
        }
        if (!supplier.declarationsSatisfied()) {
            p.add("declarations", "your account's declarations do not allow a contract (age of majority, "
                    + "right to work in Canada, card or PayPal payment)");
        }
        ProposalSubmission.SelfIdentificationData self = s.selfIdentification();
        String region = null;
        String groups = null;
        if (self != null) {
            region = p.optionalText("selfIdentification.region", self.region(), 100);
            if (self.underRepresentedGroups() != null) {
                groups = p.optionalText("selfIdentification.underRepresentedGroups",
                        String.join("; ", self.underRepresentedGroups().stream()
                                .filter(g -> g != null && !g.isBlank()).map(String::strip).toList()), 1000);
            }
        }
        p.throwIfAny();

        int sequence = (int) proposals.countByOpportunityId(o.getId()) + 1;
        Proposal proposal = new Proposal(o.getId(), o.getRound(), supplierId, sequence, TERMS_VERSION, now);
        int position = 0;
        for (EvaluationCriterion c : o.getEvaluationCriteria()) {
            proposal.addStatement(c.getCriterionId(), position++, byCriterion.get(c.getCriterionId()));
        }
        proposals.saveAndFlush(proposal);
        if (self != null) {
            selfIdentifications.save(new SelfIdentification(proposal.getId(), self.firstGovernmentContract(),
                    region, self.smallBusiness(), self.freelancer(), groups, now));
        }
        events.proposalSubmitted(o.getReference(), proposal.getId(), "supplier:" + supplierId);
        return proposal;
    }

    /** Tells the supplier that its proposal was received (sent once the procurement has counted it). */
    public void acknowledge(UUID proposalId) {
        Proposal proposal = get(proposalId);
        Opportunity o = opportunity(proposal.getOpportunityId());
        notices.send(proposal.getSupplierId(), o.getReference(), "PROPOSAL_RECEIVED",
                "Proposal received for " + o.getReference(),
                "We received your proposal for \"" + o.getTitle() + "\" (" + o.getReference() + ").\n"
                        + "Evaluation starts after the proposal deadline, " + o.getProposalDeadline() + " (UTC).",
                "Proposition reçue pour " + o.getReference(),
                "Nous avons reçu votre proposition pour « " + o.getTitle() + " » (" + o.getReference() + ").\n"
                        + "L'évaluation commence après la date limite, " + o.getProposalDeadline() + " (UTC).");
    }

    @Transactional(readOnly = true)
    public Proposal get(UUID id) {
        return proposals.findById(id)
                .orElseThrow(() -> new NotFoundException("There is no proposal with id " + id + "."));
    }

    /** A supplier's own proposals, newest first. */
    @Transactional(readOnly = true)
    public List<Proposal> forSupplier(UUID supplierId) {
        return proposals.findBySupplierIdOrderBySubmittedAtDesc(supplierId);
    }

    /** One row per proposal and criterion, by label then criterion; no supplier identity. */
    @Transactional(readOnly = true)
    public List<EvaluationSheetRow> evaluationSheet(UUID opportunityId) {
        Opportunity o = opportunity(opportunityId);
        List<EvaluationSheetRow> rows = new ArrayList<>();
        for (Proposal proposal : proposals.findByOpportunityIdOrderByLabel(opportunityId)) {
            for (EvaluationCriterion c : o.getEvaluationCriteria()) {
                rows.add(new EvaluationSheetRow(proposal.getId(), proposal.getLabel(), c.getCriterionId(),
                        c.getText(), proposal.statementFor(c.getCriterionId())));
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
            throw new ConflictException("Cannot record an evaluation: opportunity " + o.getReference() + " is "
                    + o.getStatus() + ".");
        }
        List<Proposal> list = proposals.findByOpportunityIdOrderByLabel(opportunityId);
        if (list.stream().anyMatch(pr -> pr.getDrawRank() != null)) {
            throw new ConflictException("The winner of " + o.getReference()
                    + " has already been drawn; the evaluation can no longer change.");
        }
        Map<UUID, Proposal> byId = new LinkedHashMap<>();
        list.forEach(pr -> byId.put(pr.getId(), pr));
        List<String> criterionIds = o.getEvaluationCriteria().stream().map(EvaluationCriterion::getCriterionId)
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
                evaluations.save(new CriterionEvaluation(proposal.getId(), criterion, pass, e.rationale().strip(),
                        evaluator.strip(), now));
            }
            proposal.evaluated(passed);
            if (passed) {
                passing++;
            }
        }
        return new EvaluationResult(passing);
    }

    /**
     * One supplier, one proposal per round of an opportunity: refused when another account of the same supplier
     * ({@link SupplierIdentity}: same organisation mail domain, or same mailbox) already sent one.
     */
    private void refuseSameSupplier(Opportunity o, Supplier supplier) {
        String identity = SupplierIdentity.of(supplier.getEmail());
        Set<UUID> others = new HashSet<>();
        proposals.findCurrentRound(o.getId()).forEach(pr -> others.add(pr.getSupplierId()));
        others.remove(supplier.getId());
        for (Supplier other : suppliers.findAllById(others)) {
            if (identity.equals(SupplierIdentity.of(other.getEmail()))) {
                throw new SameSupplierException("A proposal for " + o.getReference() + " was already sent from "
                        + SupplierIdentity.describe(identity) + " by another account; only one proposal per"
                        + " supplier is accepted, whichever account sends it.");
            }
        }
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
            throw new ConflictException("Cannot draw a winner: opportunity " + o.getReference() + " is "
                    + o.getStatus() + ".");
        }
        List<Proposal> passing = onePerSupplier(proposals.findByOpportunityIdOrderByLabel(opportunityId).stream()
                .filter(pr -> pr.getStatus() == ProposalStatus.PASSED).toList());
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
        suppliers.findAllById(passing.stream().map(Proposal::getSupplierId).toList())
                .forEach(s -> identityOf.put(s.getId(), SupplierIdentity.of(s.getEmail())));
        List<Proposal> bySubmission = new ArrayList<>(passing);
        bySubmission.sort(Comparator.comparing(Proposal::getSubmittedAt)
                .thenComparing(Proposal::getLabel));
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
        Proposal current = get(currentProposalId);
        if (!current.getOpportunityId().equals(opportunityId)) {
            throw new NotFoundException("Proposal " + currentProposalId + " is not a proposal of opportunity "
                    + opportunityId + ".");
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
        Proposal winner = get(winnerId);
        if (!winner.getOpportunityId().equals(opportunityId)) {
            throw new NotFoundException("Proposal " + winnerId + " is not a proposal of opportunity "
                    + opportunityId + ".");
        }
        if (!EnumSet.of(ProposalStatus.PASSED, ProposalStatus.SELECTED, ProposalStatus.NOT_SELECTED,
                ProposalStatus.AWARDED).contains(winner.getStatus())) {
            throw new ConflictException(winner.getLabel() + " is " + winner.getStatus()
                    + " and cannot be awarded the contract.");
        }
        winner.award();
        List<Proposal> others = new ArrayList<>();
        for (Proposal pr : proposals.findByOpportunityIdOrderByLabel(opportunityId)) {
            if (pr.getId().equals(winnerId)) {
                continue;
            }
            if (pr.getStatus() == ProposalStatus.PASSED || pr.getStatus() == ProposalStatus.SELECTED
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
                .sorted(Comparator.comparing(CriterionEvaluation::getCriterionId,
                        Comparator.comparingInt(ProposalService::criterionNumber)))
                .toList();
    }

    /**
     * The debrief for a proposal in English or French: its pass/fail per criterion with the rationale.
     * Empty until the opportunity is awarded or cancelled, or when the proposal was never evaluated.
     */
    @Transactional(readOnly = true)
    public Optional<String> debrief(UUID proposalId, String language) {
        Proposal proposal = get(proposalId);
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
                .append(o.getReference()).append(" (").append(o.getTitle()).append(")\n");
        for (CriterionEvaluation r : results) {
            b.append(r.getCriterionId()).append(" — ").append(texts.getOrDefault(r.getCriterionId(), ""))
                    .append(": ")
                    .append(r.isPassed() ? (fr ? "RÉUSSI" : "PASS") : (fr ? "ÉCHEC" : "FAIL"))
                    .append(". ").append(r.getRationale()).append('\n');
        }
        if (proposal.getStatus() == ProposalStatus.SKIPPED && proposal.getSkipReason() != null) {
            b.append(fr ? "Votre proposition a été écartée : " : "Your proposal was passed over: ")
                    .append(proposal.getSkipReason()).append('\n');
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

    private Opportunity opportunity(UUID id) {
        return opportunities.findById(id)
                .orElseThrow(() -> new NotFoundException("There is no opportunity with id " + id + "."));
    }

    private OffsetDateTime now() {
        return utcNow(clock);
    }
}
