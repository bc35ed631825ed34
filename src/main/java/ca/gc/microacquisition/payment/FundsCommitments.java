package ca.gc.microacquisition.payment;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.DomainValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the manager's funds commitment and the card that pays, and lets finance point a declined payment at
 * another card. The card is the processor's token ({@link PaymentToken}): a card number is refused. It stays in the
 * service's own table: the process keeps no copy of it.
 */
@Service
@Transactional
public class FundsCommitments {

    private final FundsCommitmentRepository commitments;
    private final Clock clock;

    public FundsCommitments(FundsCommitmentRepository commitments, Clock clock) {
        this.commitments = commitments;
        this.clock = clock;
    }

    public void commit(UUID opportunityId, String financialCoding, String paymentMethod, String actor) {
        String coding = required("financialCoding", financialCoding, 100);
        PaymentToken.refuseCardNumber("financialCoding", coding);
        String card = PaymentToken.of("paymentMethod", paymentMethod).value();
        OffsetDateTime now = OffsetDateTime.now(clock);
        commitments
                .findById(opportunityId)
                .ifPresentOrElse(
                        existing -> existing.recommit(coding, card, actor, now),
                        () -> commitments.save(new FundsCommitment(opportunityId, coding, card, actor, now)));
    }

    public void changeCard(UUID opportunityId, String paymentMethod, String actor) {
        String card = PaymentToken.of("paymentMethod", paymentMethod).value();
        get(opportunityId).changeCard(card, actor, OffsetDateTime.now(clock));
    }

    @Transactional(readOnly = true)
    public FundsCommitment get(UUID opportunityId) {
        return commitments
                .findById(opportunityId)
                .orElseThrow(() -> new ConflictException(
                        "No funds were committed for this request, so there is no card to pay with."));
    }

    @Transactional(readOnly = true)
    String paymentMethod(UUID opportunityId) {
        return get(opportunityId).paymentMethod();
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new DomainValidationException(field, "is required");
        }
        if (value.strip().length() > max) {
            throw new DomainValidationException(field, "must be at most " + max + " characters");
        }
        return value.strip();
    }
}
