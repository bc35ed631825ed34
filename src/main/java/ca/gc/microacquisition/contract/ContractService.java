package ca.gc.microacquisition.contract;

import static ca.gc.microacquisition.common.Texts.truncate;
import static ca.gc.microacquisition.common.Times.utcNow;
import static ca.gc.microacquisition.proposal.ProposalService.TERMS_VERSION;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.ForbiddenException;
import ca.gc.microacquisition.common.Inputs;
import ca.gc.microacquisition.common.NotFoundException;
import ca.gc.microacquisition.common.Problems;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.opportunity.OpportunityStatus;
import ca.gc.microacquisition.procurement.ProcurementEvents;
import ca.gc.microacquisition.proposal.EvaluationService;
import ca.gc.microacquisition.proposal.Proposal;
import ca.gc.microacquisition.proposal.ProposalService;
import ca.gc.microacquisition.repositoryhost.ChangeRequestReport;
import ca.gc.microacquisition.repositoryhost.Finding;
import ca.gc.microacquisition.repositoryhost.RepositoryHost;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.supplier.SupplierNotices;
import ca.gc.microacquisition.supplier.SupplierRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contracts and deliveries: award, due dates, delivery, QA inspection, changes, acceptance, close-out. */
@Service
@Transactional
public class ContractService {

    static final String SECRET_SCANNER = "secret-scan";

    private final ContractRepository contracts;
    private final DeliveryRepository deliveries;
    private final ContractPayments payments;
    private final OpportunityService opportunities;
    private final ProposalService proposals;
    private final EvaluationService evaluations;
    private final SupplierRepository suppliers;
    private final SupplierNotices notices;
    private final RepositoryHost repositoryHost;
    private final ProcurementEvents events;
    private final Clock clock;

    ContractService(
            ContractRepository contracts,
            DeliveryRepository deliveries,
            ContractPayments payments,
            OpportunityService opportunities,
            ProposalService proposals,
            EvaluationService evaluations,
            SupplierRepository suppliers,
            SupplierNotices notices,
            RepositoryHost repositoryHost,
            ProcurementEvents events,
            Clock clock) {
        this.contracts = contracts;
        this.deliveries = deliveries;
        this.payments = payments;
        this.opportunities = opportunities;
        this.proposals = proposals;
        this.evaluations = evaluations;
        this.suppliers = suppliers;
        this.notices = notices;
        this.repositoryHost = repositoryHost;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Awards the contract to a passing proposal: price and licence from the opportunity, due date = now + delivery
     * days. The winner is told; on the first award every other proponent gets a debrief with its rationale.
     * Awarding the same proposal again returns its contract.
     */
    public Contract award(UUID opportunityId, UUID proposalId) {
        Optional<Contract> existing = contracts.findByProposalId(proposalId);
        if (existing.isPresent()
                && existing.get().getOpportunityId().equals(opportunityId)
                && existing.get().getStatus() != ContractStatus.TERMINATED) {
            return existing.get();
        }
        Opportunity o = opportunities.get(opportunityId);
        List<Contract> earlier = contracts.findByOpportunityIdOrderByAwardedAt(opportunityId);
        boolean firstAward = earlier.isEmpty();
        if (earlier.stream().anyMatch(c -> c.getStatus() != ContractStatus.TERMINATED)) {
            throw new ConflictException("Opportunity " + o.getReference() + " already has a contract in force.");
        }
        if (o.getStatus() != OpportunityStatus.EVALUATION
                && !(o.getStatus() == OpportunityStatus.AWARDED && !firstAward)) {
            throw new ConflictException("Cannot award: opportunity " + o.getReference() + " is " + o.getStatus() + ".");
        }
        Proposal winner = proposals.get(proposalId);
        List<Proposal> others = evaluations.recordAward(opportunityId, proposalId);
        OffsetDateTime now = now();
        Contract contract = contracts.save(new Contract(
                opportunityId,
                proposalId,
                winner.getSupplierId(),
                o.getPrice(),
                o.getCurrency(),
                TERMS_VERSION,
                o.getLicence(),
                now,
                now.plusDays(o.getDeliveryDays()).truncatedTo(ChronoUnit.SECONDS)));
        opportunities.markAwarded(opportunityId);

        notices.sendNotice(
                winner.getSupplierId(),
                o.getReference(),
                "AWARDED",
                "awarded",
                o.getReference(),
                o.getTitle(),
                o.getPrice().toPlainString(),
                TERMS_VERSION,
                o.getLicence(),
                o.getRepositoryUrl(),
                String.valueOf(contract.getDueDate()));
        if (firstAward) {
            for (Proposal other : others) {
                Supplier supplier = suppliers.findById(other.getSupplierId()).orElse(null);
                String language = supplier == null ? "en" : supplier.getLanguage();
                String debrief = evaluations.debrief(other.getId(), language).orElse("");
                notices.sendNotice(
                        other.getSupplierId(),
                        o.getReference(),
                        "DEBRIEF",
                        "debrief",
                        o.getReference(),
                        o.getTitle(),
                        debrief);
            }
        }
        return contract;
    }

    @Transactional(readOnly = true)
    public Contract get(UUID contractId) {
        return contracts
                .findById(contractId)
                .orElseThrow(() -> new NotFoundException("There is no contract with id " + contractId + "."));
    }

    @Transactional(readOnly = true)
    public Delivery getDelivery(UUID deliveryId) {
        return deliveries
                .findById(deliveryId)
                .orElseThrow(() -> new NotFoundException("There is no delivery with id " + deliveryId + "."));
    }

    /** What QA found on a delivery, finding by finding. */
    @Transactional(readOnly = true)
    public List<DeliveryFinding> findings(UUID deliveryId) {
        return getDelivery(deliveryId).getFindings();
    }

    /** A supplier's own contracts, newest first. */
    @Transactional(readOnly = true)
    public List<Contract> forSupplier(UUID supplierId) {
        return contracts.findBySupplierIdOrderByAwardedAtDesc(supplierId);
    }

    /** Deliveries on a contract, newest first. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(UUID contractId) {
        return deliveries.findByContractIdOrderBySubmittedAtDesc(contractId);
    }

    /** Gives the supplier more time: the new due date must be later than now. */
    public Contract extend(UUID contractId, Object newDueDate) {
        Contract c = get(contractId);
        Problems p = new Problems("The new due date");
        OffsetDateTime due = Inputs.dateTime(p, "newDueDate", newDueDate);
        if (due != null && !due.isAfter(now())) {
            p.add("newDueDate", "must be later than now");
        }
        p.throwIfAny();
        requireStatus(c, "extend it", EnumSet.of(ContractStatus.ACTIVE, ContractStatus.CHANGES_REQUESTED));
        c.extend(due.truncatedTo(ChronoUnit.SECONDS));
        Opportunity o = opportunities.get(c.getOpportunityId());
        notices.sendNotice(
                c.getSupplierId(),
                o.getReference(),
                "DUE_DATE_EXTENDED",
                "dueDateExtended",
                o.getReference(),
                String.valueOf(c.getDueDate()));
        return c;
    }

    /** Ends the contract for non-delivery and tells the supplier. */
    /** Whether the opportunity has a contract that was not terminated (awarded, delivered, accepted or paid). */
    @Transactional(readOnly = true)
    public boolean hasContractInForce(UUID opportunityId) {
        return contracts.findByOpportunityIdOrderByAwardedAt(opportunityId).stream()
                .anyMatch(c -> c.getStatus() != ContractStatus.TERMINATED);
    }

    public void terminate(UUID contractId, String reason) {
        Contract c = get(contractId);
        if (c.getStatus() == ContractStatus.TERMINATED) {
            return;
        }
        requireStatus(
                c,
                "terminate it",
                EnumSet.of(ContractStatus.ACTIVE, ContractStatus.CHANGES_REQUESTED, ContractStatus.DELIVERED));
        String why = reason == null || reason.isBlank()
                ? "The work was not delivered by the due date."
                : truncate(reason.strip(), 1000);
        c.terminate(why, now());
        Opportunity o = opportunities.get(c.getOpportunityId());
        notices.sendNotice(
                c.getSupplierId(),
                o.getReference(),
                "CONTRACT_TERMINATED",
                "contractTerminated",
                o.getReference(),
                o.getTitle(),
                why);
    }

    /**
     * The awarded supplier delivers a pull/merge request of the opportunity's repository while the contract awaits
     * a delivery; the running procurement is told.
     */
    public Delivery submitDelivery(UUID contractId, UUID supplierId, String pullRequestUrl) {
        Contract c = get(contractId);
        if (!c.getSupplierId().equals(supplierId)) {
            throw new ForbiddenException("Only the supplier awarded this contract can deliver on it.");
        }
        Opportunity o = opportunities.get(c.getOpportunityId());
        if (c.getStatus() != ContractStatus.ACTIVE && c.getStatus() != ContractStatus.CHANGES_REQUESTED) {
            throw new ConflictException("Contract for " + o.getReference() + " is " + c.getStatus()
                    + (c.getStatus() == ContractStatus.DELIVERED
                            ? ": a delivery is already being reviewed; wait for the result."
                            : ": no delivery is expected."));
        }
        Problems p = new Problems("The delivery");
        String url = p.text("pullRequestUrl", pullRequestUrl, 1, 500);
        if (url != null && !p.has("pullRequestUrl") && !repositoryHost.isChangeRequestOf(url, o.getRepositoryUrl())) {
            p.add("pullRequestUrl", "must be a pull/merge request of " + o.getRepositoryUrl());
        }
        p.throwIfAny();
        Delivery d = deliveries.saveAndFlush(new Delivery(c, supplierId, url, now()));
        c.delivered();
        events.workDelivered(o.getReference(), d.getId(), "supplier:" + supplierId);
        return d;
    }

    /** Reads the delivered change request through the repository host and keeps what QA found on the delivery. */
    public QaSummary inspectDelivery(UUID deliveryId) {
        Delivery d = getDelivery(deliveryId);
        Contract c = d.getContract();
        ChangeRequestReport report = repositoryHost.inspectChangeRequest(d.getPullRequestUrl());
        int critical = 0;
        int high = 0;
        int medium = 0;
        int low = 0;
        int secrets = 0;
        List<DeliveryFinding> rows = new ArrayList<>();
        int position = 0;
        for (Finding f : report.findings()) {
            if (f == null) {
                continue;
            }
            String severity = f.severity() == null ? "NOTE" : f.severity().name();
            if (SECRET_SCANNER.equalsIgnoreCase(f.tool())) {
                secrets++;
            } else if (f.severity() != null) {
                switch (f.severity()) {
                    case CRITICAL -> critical++;
                    case HIGH -> high++;
                    case MEDIUM -> medium++;
                    case LOW -> low++;
                    default -> {
                        // notes are kept but not counted
                    }
                }
            }
            rows.add(new DeliveryFinding(
                    d,
                    position++,
                    truncate(f.tool() == null ? "unknown" : f.tool(), 100),
                    f.ruleId() == null ? null : truncate(f.ruleId(), 200),
                    severity,
                    f.message() == null ? null : truncate(f.message(), 2000),
                    f.path() == null ? null : truncate(f.path(), 1000),
                    Math.max(f.line(), 0)));
        }
        String licence = report.licenceSpdxId();
        // A licence file whose licence is not recognised is neither a match nor a mismatch: unknown (QaGate: REVIEW).
        Boolean licenceMatches = !report.licenceFilePresent()
                ? Boolean.FALSE
                : licence == null
                        ? null
                        : licence.strip().equalsIgnoreCase(c.getLicence().strip());
        String state = report.state() == null
                ? ChangeRequestReport.State.NOT_FOUND.name()
                : report.state().name();
        String checks = report.checks() == null
                ? ChangeRequestReport.ChecksOutcome.NONE.name()
                : report.checks().name();
        d.inspected(
                now(),
                state,
                report.headSha() == null ? null : truncate(report.headSha(), 64),
                checks,
                report.licenceFilePresent(),
                licence == null ? null : truncate(licence, 100),
                licenceMatches,
                report.scanningAvailable(),
                report.scanningNote() == null ? null : truncate(report.scanningNote(), 1000),
                critical,
                high,
                medium,
                low,
                secrets,
                rows);
        return d.summary();
    }

    /** Sends the delivery back: the supplier is told what must change and may deliver again. */
    public void requestChanges(UUID deliveryId, String feedback, String actor) {
        Delivery d = getDelivery(deliveryId);
        Contract c = d.getContract();
        if (d.getStatus() == DeliveryStatus.CHANGES_REQUESTED) {
            return;
        }
        requireStatus(c, "request changes", EnumSet.of(ContractStatus.DELIVERED));
        String text = feedback == null || feedback.isBlank()
                ? "Changes are needed; see the pull request."
                : truncate(feedback.strip(), 4000);
        d.changesRequested(text, actor, now());
        c.changesRequested();
        Opportunity o = opportunities.get(c.getOpportunityId());
        notices.sendNotice(
                c.getSupplierId(),
                o.getReference(),
                "CHANGES_REQUESTED",
                "changesRequested",
                o.getReference(),
                d.getPullRequestUrl(),
                text,
                String.valueOf(c.getDueDate()));
    }

    /** The requester accepts the work (FAA section 34); payment follows. */
    public void accept(UUID contractId, String actor) {
        Contract c = get(contractId);
        if (c.getStatus() == ContractStatus.ACCEPTED) {
            return;
        }
        requireStatus(c, "accept the work", EnumSet.of(ContractStatus.DELIVERED));
        if (actor == null || actor.isBlank()) {
            throw new ca.gc.microacquisition.common.DomainValidationException(
                    "acceptedBy", "the person certifying the work (FAA section 34) is required");
        }
        c.accept(truncate(actor.strip(), 100), now());
        deliveries.findByContractIdOrderBySubmittedAtDesc(contractId).stream()
                .filter(d -> d.getStatus() == DeliveryStatus.SUBMITTED || d.getStatus() == DeliveryStatus.INSPECTED)
                .forEach(Delivery::accepted);
        Opportunity o = opportunities.get(c.getOpportunityId());
        notices.sendNotice(
                c.getSupplierId(),
                o.getReference(),
                "WORK_ACCEPTED",
                "workAccepted",
                o.getReference(),
                o.getTitle(),
                c.getPrice().toPlainString());
    }

    /** Paid: the contract closes and the opportunity is completed. */
    public void close(UUID contractId) {
        Contract c = get(contractId);
        if (c.getStatus() == ContractStatus.CLOSED) {
            return;
        }
        requireStatus(c, "close it", EnumSet.of(ContractStatus.ACCEPTED));
        if (!payments.isPaid(contractId)) {
            throw new ConflictException("Cannot close the contract before it is paid.");
        }
        c.close(now());
        opportunities.complete(c.getOpportunityId());
        Opportunity o = opportunities.get(c.getOpportunityId());
        notices.sendNotice(
                c.getSupplierId(),
                o.getReference(),
                "PAID",
                "paid",
                o.getReference(),
                o.getTitle(),
                c.getPrice().toPlainString());
    }

    private static void requireStatus(Contract c, String action, EnumSet<ContractStatus> allowed) {
        if (!allowed.contains(c.getStatus())) {
            throw new ConflictException("Cannot " + action + ": the contract is "
                    + c.getStatus().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
        }
    }

    private OffsetDateTime now() {
        return utcNow(clock);
    }
}
