package ca.gc.microacquisition.procurement;

import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ca.gc.microacquisition.contract.Contract;
import ca.gc.microacquisition.contract.ContractService;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.repositoryhost.OpportunityIssues;

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

    public OpportunityLifecycle(OpportunityService opportunities, ContractService contracts,
                                ObjectProvider<OpportunityIssues> issues) {
        this.opportunities = opportunities;
        this.contracts = contracts;
        this.issues = issues;
    }

    public void publish(UUID opportunityId) {
        opportunities.publish(opportunityId);
        Opportunity o = opportunities.get(opportunityId);
        issues.ifAvailable(host -> host.openIssue(o.getRepositoryUrl(), o.getReference(),
                "Micro-acquisition " + o.getReference() + ": " + o.getTitle(), issueBody(o)));
    }

    public Contract award(UUID opportunityId, UUID proposalId) {
        Contract contract = contracts.award(opportunityId, proposalId);
        close(opportunityId, "This opportunity was awarded. The work will arrive as a pull request in this repository.");
        return contract;
    }

    public void cancel(UUID opportunityId, String reason, String actor) {
        opportunities.cancel(opportunityId, reason, actor);
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
