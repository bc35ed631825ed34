package ca.gc.microacquisition.process;

import ca.gc.microacquisition.contract.Contract;
import ca.gc.microacquisition.contract.ContractService;
import ca.gc.microacquisition.notification.Notification;
import ca.gc.microacquisition.notification.Notifier;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.repositoryhost.OpportunityIssues;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public moments of an opportunity — posted, awarded, cancelled, closed without a supplier — with their
 * announcement in the open repository where that is switched on ({@code app.github.open-issues=true}): an issue is
 * opened when the opportunity is posted and closed, with a comment, when it is awarded or cancelled. The issue calls
 * are idempotent on the reference, and the process runs these steps asynchronously, so a retried step never opens
 * a second issue.
 */
@Service
@Transactional
public class OpportunityLifecycle {

    private final OpportunityService opportunities;
    private final ContractService contracts;
    private final ObjectProvider<OpportunityIssues> issues;
    private final Notifier notifier;

    public OpportunityLifecycle(
            OpportunityService opportunities,
            ContractService contracts,
            ObjectProvider<OpportunityIssues> issues,
            Notifier notifier) {
        this.opportunities = opportunities;
        this.contracts = contracts;
        this.issues = issues;
        this.notifier = notifier;
    }

    /**
     * Posts the opportunity with at least {@code minimumPosting} left for proposals; a deadline that had to move is
     * told to the requester (and returned, for the process to record).
     */
    public Optional<OffsetDateTime> publish(UUID opportunityId, Duration minimumPosting) {
        Optional<OffsetDateTime> moved = opportunities.publish(opportunityId, minimumPosting);
        Opportunity o = opportunities.get(opportunityId);
        moved.ifPresent(before -> notifier.send(new Notification(
                "user:" + o.getRequester(),
                "en",
                "Proposal deadline moved: " + o.getReference(),
                "The proposal deadline of " + o.getReference() + " (" + o.getTitle() + ") was " + before
                        + ". Posted now, it would have left suppliers less than the minimum posting period of "
                        + minimumPosting.toHours() + " hours set by CFOB, so it moved to " + o.getProposalDeadline()
                        + ". Suppliers see the new deadline.",
                o.getReference(),
                "DEADLINE_MOVED")));
        issues.ifAvailable(host -> host.openIssue(
                o.getRepositoryUrl(),
                o.getReference(),
                "Micro-acquisition " + o.getReference() + ": " + o.getTitle(),
                issueBody(o)));
        return moved;
    }

    public OffsetDateTime proposalDeadline(UUID opportunityId) {
        return opportunities.get(opportunityId).getProposalDeadline();
    }

    public Contract award(UUID opportunityId, UUID proposalId) {
        Contract contract = contracts.award(opportunityId, proposalId);
        close(
                opportunityId,
                "This opportunity was awarded. The work will arrive as a pull request in this repository.");
        return contract;
    }

    public void cancel(UUID opportunityId, String reason, String actor) {
        opportunities.cancel(opportunityId, reason, actor, contracts.hasContractInForce(opportunityId));
        close(opportunityId, "This opportunity was cancelled before award.");
    }

    public void closeWithoutSupplier(UUID opportunityId, String reason) {
        opportunities.closeWithoutSupplier(opportunityId, reason);
        close(opportunityId, "This opportunity closed without a completed contract.");
    }

    private void close(UUID opportunityId, String comment) {
        Opportunity o = opportunities.get(opportunityId);
        issues.ifAvailable(host -> host.closeIssue(o.getRepositoryUrl(), o.getReference(), comment));
    }

    private static String issueBody(Opportunity o) {
        return o.getSummary() + "\n\n"
                + "Fixed price: $" + o.getPrice().toPlainString() + " CAD, taxes included. "
                + "Proposals until " + o.getProposalDeadline() + ".\n\n"
                + "Apply through the Micro-Acquisition portal (reference " + o.getReference() + "); "
                + "questions asked there are answered publicly.";
    }
}
