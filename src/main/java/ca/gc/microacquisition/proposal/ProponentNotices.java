package ca.gc.microacquisition.proposal;

import ca.gc.microacquisition.opportunity.OpportunityWithdrawn;
import ca.gc.microacquisition.supplier.SupplierNotices;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells every supplier who sent a proposal that the opportunity was withdrawn, in the transaction of the change (a
 * plain {@code @EventListener}: a failed notice rolls the withdrawal back, as the outbox is in the same database).
 * The texts are notice.opportunityCancelled*, notice.opportunityClosed in notices_en / notices_fr.
 */
@Component
class ProponentNotices {

    private final ProposalRepository proposals;
    private final SupplierNotices notices;

    ProponentNotices(ProposalRepository proposals, SupplierNotices notices) {
        this.proposals = proposals;
        this.notices = notices;
    }

    @EventListener
    void onWithdrawn(OpportunityWithdrawn e) {
        String kind = e.kind() == OpportunityWithdrawn.Kind.CANCELLED ? "OPPORTUNITY_CANCELLED" : "OPPORTUNITY_CLOSED";
        String text = e.kind() == OpportunityWithdrawn.Kind.CLOSED_WITHOUT_SUPPLIER
                ? "opportunityClosed"
                : e.reason() == null ? "opportunityCancelled" : "opportunityCancelledWithReason";
        for (Proposal proposal : proposals.findByOpportunityIdOrderByLabel(e.opportunityId())) {
            notices.sendNotice(
                    proposal.getSupplierId(), e.reference(), kind, text, e.reference(), e.title(), e.reason());
        }
    }
}
