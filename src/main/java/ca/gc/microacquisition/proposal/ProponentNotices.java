package ca.gc.microacquisition.proposal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ca.gc.microacquisition.opportunity.OpportunityWithdrawn;
import ca.gc.microacquisition.supplier.SupplierNotices;

/**
 * Tells every supplier who sent a proposal that the opportunity was withdrawn, in the transaction of the change (a
 * plain {@code @EventListener}: a failed notice rolls the withdrawal back, as the outbox is in the same database).
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
        for (Proposal proposal : proposals.findByOpportunityIdOrderByLabel(e.opportunityId())) {
            switch (e.kind()) {
                case CANCELLED -> notices.send(proposal.getSupplierId(), e.reference(), "OPPORTUNITY_CANCELLED",
                        "Opportunity " + e.reference() + " was cancelled",
                        "The opportunity \"" + e.title() + "\" (" + e.reference() + ") was cancelled before award."
                                + (e.reason() == null ? "" : "\nReason: " + e.reason())
                                + "\nThank you for your proposal.",
                        "L'occasion " + e.reference() + " a été annulée",
                        "L'occasion « " + e.title() + " » (" + e.reference() + ") a été annulée avant "
                                + "l'attribution." + (e.reason() == null ? "" : "\nMotif : " + e.reason())
                                + "\nMerci de votre proposition.");
                case CLOSED_WITHOUT_SUPPLIER -> notices.send(proposal.getSupplierId(), e.reference(),
                        "OPPORTUNITY_CLOSED",
                        "Opportunity " + e.reference() + " closed without a contract",
                        "The opportunity \"" + e.title() + "\" (" + e.reference() + ") closed without a "
                                + "completed contract.\nReason: " + e.reason(),
                        "L'occasion " + e.reference() + " est fermée sans contrat",
                        "L'occasion « " + e.title() + " » (" + e.reference() + ") est fermée sans contrat "
                                + "exécuté.\nMotif : " + e.reason());
            }
        }
    }
}
