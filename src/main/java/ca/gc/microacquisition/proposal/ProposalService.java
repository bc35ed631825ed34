package ca.gc.microacquisition.proposal;

import static ca.gc.microacquisition.common.Times.utcNow;

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
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Proposals: submission (one per supplier and round), acknowledgement, a supplier's own proposals. The evaluation,
 * the draw and the order of candidates are {@link EvaluationService}'s. */
@Service
@Transactional
public class ProposalService {

    /** The version of the terms a supplier accepts with a proposal; the contract records the same version. */
    public static final String TERMS_VERSION = "2026-1";

    private final ProposalRepository proposals;
    private final SelfIdentificationRepository selfIdentifications;
    private final OpportunityRepository opportunities;
    private final SupplierRepository suppliers;
    private final SupplierNotices notices;
    private final ProcurementEvents events;
    private final Clock clock;

    ProposalService(
            ProposalRepository proposals,
            SelfIdentificationRepository selfIdentifications,
            OpportunityRepository opportunities,
            SupplierRepository suppliers,
            SupplierNotices notices,
            ProcurementEvents events,
            Clock clock) {
        this.proposals = proposals;
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
        Opportunity found = opportunities
                .findByReference(ref == null ? "" : ref.strip().toUpperCase(java.util.Locale.ROOT))
                .filter(posted -> posted.getPostedAt() != null)
                .orElseThrow(() -> new NotFoundException("There is no opportunity " + ref + "."));
        Opportunity o = opportunities.lockById(found.getId()).orElseThrow();
        if (o.getStatus() != OpportunityStatus.OPEN || !now.isBefore(o.getProposalDeadline())) {
            throw new ConflictException("Opportunity " + o.getReference() + " is not accepting proposals: "
                    + (o.getStatus() == OpportunityStatus.OPEN
                            ? "the deadline (" + o.getProposalDeadline() + ") has passed."
                            : "it is " + o.getStatus() + "."));
        }
        Supplier supplier = suppliers
                .findById(supplierId)
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
                    p.add(
                            field + ".criterionId",
                            "'" + id + "' is not a criterion of this opportunity (expected "
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
            p.add(
                    "declarations",
                    "your account's declarations do not allow a contract (age of majority, "
                            + "right to work in Canada, card or PayPal payment)");
        }
        ProposalSubmission.SelfIdentificationData self = s.selfIdentification();
        String region = null;
        String groups = null;
        if (self != null) {
            region = p.optionalText("selfIdentification.region", self.region(), 100);
            if (self.underRepresentedGroups() != null) {
                groups = p.optionalText(
                        "selfIdentification.underRepresentedGroups",
                        String.join(
                                "; ",
                                self.underRepresentedGroups().stream()
                                        .filter(g -> g != null && !g.isBlank())
                                        .map(String::strip)
                                        .toList()),
                        1000);
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
            selfIdentifications.save(new SelfIdentification(
                    proposal.getId(),
                    self.firstGovernmentContract(),
                    region,
                    self.smallBusiness(),
                    self.freelancer(),
                    groups,
                    now));
        }
        events.proposalSubmitted(o.getReference(), proposal.getId(), "supplier:" + supplierId);
        return proposal;
    }

    /** Tells the supplier that its proposal was received (sent once the procurement has counted it). */
    public void acknowledge(UUID proposalId) {
        Proposal proposal = get(proposalId);
        Opportunity o = opportunity(proposal.getOpportunityId());
        notices.sendNotice(
                proposal.getSupplierId(),
                o.getReference(),
                "PROPOSAL_RECEIVED",
                "proposalReceived",
                o.getReference(),
                o.getTitle(),
                String.valueOf(o.getProposalDeadline()));
    }

    @Transactional(readOnly = true)
    public Proposal get(UUID id) {
        return proposals
                .findById(id)
                .orElseThrow(() -> new NotFoundException("There is no proposal with id " + id + "."));
    }

    /** A supplier's own proposals, newest first. */
    @Transactional(readOnly = true)
    public List<Proposal> forSupplier(UUID supplierId) {
        return proposals.findBySupplierIdOrderBySubmittedAtDesc(supplierId);
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

    private Opportunity opportunity(UUID id) {
        return opportunities
                .findById(id)
                .orElseThrow(() -> new NotFoundException("There is no opportunity with id " + id + "."));
    }

    private OffsetDateTime now() {
        return utcNow(clock);
    }
}
