package ca.gc.microacquisition.payment;

import java.util.UUID;

/** Where a card payment to a supplier goes (implemented by the payee package, which owns payout accounts). */
public interface CardPayees {

    /**
     * The supplier's connected account at the card processor; refused (an ordinary domain refusal) when the
     * supplier cannot be paid by card.
     */
    String cardPayee(UUID supplierId);
}
