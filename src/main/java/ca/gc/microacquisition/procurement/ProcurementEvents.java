package ca.gc.microacquisition.procurement;

import java.util.UUID;

/**
 * What the domain tells the running procurement (implemented by the process layer with message correlation).
 * Called inside the domain transaction, so a failed correlation rolls the domain change back.
 */
public interface ProcurementEvents {

    /** A supplier's proposal was stored for the opportunity with this reference (message ProposalSubmitted). */
    void proposalSubmitted(String reference, UUID proposalId, String actor);

    /** A supplier asked a question about an open opportunity (message QuestionAsked: the requester answers it). */
    void questionAsked(String reference, UUID questionId, String actor);

    /** The awarded supplier delivered a pull/merge request (message WorkDelivered). */
    void workDelivered(String reference, UUID deliveryId, String actor);
}
