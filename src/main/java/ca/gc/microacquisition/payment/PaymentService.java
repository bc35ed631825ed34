package ca.gc.microacquisition.payment;

import static ca.gc.microacquisition.common.Texts.truncate;
import static ca.gc.microacquisition.common.Times.utcNow;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.DomainValidationException;
import ca.gc.microacquisition.common.NotFoundException;
import ca.gc.microacquisition.contract.Contract;
import ca.gc.microacquisition.contract.ContractRepository;
import ca.gc.microacquisition.contract.ContractStatus;
import ca.gc.microacquisition.opportunity.OpportunityRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays contracts by card, idempotently: one charge per contract whatever crashes or retries happen. Each attempt
 * has its own idempotency key, stored before the processor is called; a repeated call reuses it. The charge is a
 * destination charge to the supplier's connected account ({@link CardPayees#cardPayee}), for the contract's
 * amount and currency.
 */
@Service
@Transactional
public class PaymentService {

    private final PaymentRepository payments;
    private final PaymentAttempts attempts;
    private final ContractRepository contracts;
    private final OpportunityRepository opportunities;
    private final CardProcessor cardProcessor;
    private final FundsCommitments funds;
    private final CardPayees payees;
    private final Clock clock;

    PaymentService(
            PaymentRepository payments,
            PaymentAttempts attempts,
            ContractRepository contracts,
            OpportunityRepository opportunities,
            CardProcessor cardProcessor,
            FundsCommitments funds,
            CardPayees payees,
            Clock clock) {
        this.payments = payments;
        this.payees = payees;
        this.attempts = attempts;
        this.contracts = contracts;
        this.opportunities = opportunities;
        this.cardProcessor = cardProcessor;
        this.funds = funds;
        this.clock = clock;
    }

    /**
     * Pays the accepted contract. Without an attempt, attempt 1 is stored and committed first; a PENDING attempt
     * is sent again with the same key (the processor answers from its first call); a settled attempt (SUCCEEDED,
     * DECLINED, MANUAL) is returned without calling. A processor outage is thrown as
     * {@link CardProcessorUnavailableException}, leaving the attempt PENDING for the retry.
     */
    public PaymentOutcome pay(UUID contractId, String paymentMethod) {
        Contract contract = contract(contractId);
        Optional<Payment> current = payments.findFirstByContractIdOrderByAttemptDesc(contractId);
        if (current.isPresent() && current.get().getStatus() != PaymentStatus.PENDING) {
            return current.get().toOutcome();
        }
        requireMethod(paymentMethod, "paymentMethod");
        // The supplier's connected account: the charge is a destination charge to it, never to the platform.
        String payee = payees.cardPayee(contract.getSupplierId());
        Payment payment;
        if (current.isPresent()) {
            payment = current.get();
        } else {
            if (contract.getStatus() != ContractStatus.ACCEPTED) {
                throw new ConflictException("Cannot pay: the contract is " + contract.getStatus()
                        + "; payment follows acceptance of the work.");
            }
            payment =
                    payments.findById(createAttempt(contract, 1, paymentMethod)).orElseThrow();
        }
        String reference = opportunities
                .findById(contract.getOpportunityId())
                .map(o -> o.getReference())
                .orElse(contract.getId().toString());
        ChargeResult result = cardProcessor.charge(new ChargeRequest(
                payment.getIdempotencyKey(),
                payment.getAmount(),
                payment.getCurrency(),
                paymentMethod.strip(),
                "Micro-acquisition " + reference,
                payee));
        PaymentStatus status = switch (result.status()) {
            case SUCCEEDED -> PaymentStatus.SUCCEEDED;
            case DECLINED -> PaymentStatus.DECLINED;
            case REFUNDED -> PaymentStatus.REFUNDED;
        };
        String message = result.message() != null
                ? result.message()
                : status == PaymentStatus.DECLINED ? "The card was declined." : "Paid.";
        payment.outcome(status, result.providerReference(), result.declineCode(), truncate(message, 1000), now());
        return payment.toOutcome();
    }

    /** Pays the accepted contract with the card committed for its request (see {@link #pay(UUID, String)}). */
    public PaymentOutcome pay(UUID contractId) {
        return pay(contractId, funds.paymentMethod(contract(contractId).getOpportunityId()));
    }

    /** After a decline: a new attempt with the card finance gave for the request (see {@link FundsCommitments}). */
    public void prepareRetry(UUID contractId) {
        prepareRetry(contractId, funds.paymentMethod(contract(contractId).getOpportunityId()));
    }

    /** After a decline: a new attempt (new idempotency key) with the new card, to be paid by {@link #pay}. */
    public void prepareRetry(UUID contractId, String newPaymentMethod) {
        contract(contractId);
        PaymentToken.of("paymentMethod", newPaymentMethod);
        Payment current = payments.findFirstByContractIdOrderByAttemptDesc(contractId)
                .orElseThrow(() -> new ConflictException("There is no declined payment to retry for this contract."));
        switch (current.getStatus()) {
            case DECLINED -> createAttemptHere(current.getContractId(), current, newPaymentMethod);
            case PENDING -> current.paymentMethod(PaymentToken.mask(newPaymentMethod), now());
            default -> throw new ConflictException("Cannot retry the payment: it is " + current.getStatus() + ".");
        }
    }

    /**
     * Finance cancels a card payment made in error: the processor refunds (or voids) the charge, with an idempotency
     * key derived from the attempt ("…-refund"), so a repeated request never refunds twice.
     */
    public PaymentOutcome refund(UUID contractId, String reason, String actor) {
        contract(contractId);
        if (reason == null || reason.strip().length() < 10) {
            throw new DomainValidationException("reason", "give the reason for the refund (at least 10 characters)");
        }
        Payment payment = payments.findFirstByContractIdOrderByAttemptDesc(contractId)
                .orElseThrow(() -> new ConflictException("There is no card payment to refund for this contract."));
        if (payment.getStatus() == PaymentStatus.REFUNDED) {
            return payment.toOutcome();
        }
        if (payment.getStatus() != PaymentStatus.SUCCEEDED) {
            throw new ConflictException(
                    "Only a successful card payment can be refunded; this one is " + payment.getStatus() + ".");
        }
        ChargeResult result =
                cardProcessor.refund(payment.getProviderReference(), payment.getIdempotencyKey() + "-refund");
        if (result.status() != ChargeResult.Status.REFUNDED) {
            throw new ConflictException("The card processor did not refund the payment: "
                    + (result.message() == null ? result.status() : result.message()));
        }
        String by = actor == null || actor.isBlank() ? "system" : truncate(actor.strip(), 100);
        payment.refunded(result.providerReference(), truncate(reason.strip(), 500), by, now());
        return payment.toOutcome();
    }

    /** Finance paid the supplier another way (e.g. PayPal): recorded as MANUAL with its reference. */
    public void recordManualPayment(UUID contractId, String reference, String actor) {
        Contract contract = contract(contractId);
        if (reference == null || reference.isBlank()) {
            throw new DomainValidationException("manualPaymentReference", "is required");
        }
        if (reference.strip().length() > 200) {
            throw new DomainValidationException("manualPaymentReference", "must be at most 200 characters");
        }
        String by = actor == null || actor.isBlank() ? "system" : truncate(actor.strip(), 100);
        Optional<Payment> current = payments.findFirstByContractIdOrderByAttemptDesc(contractId);
        if (current.isPresent()) {
            switch (current.get().getStatus()) {
                case MANUAL -> {
                    return;
                }
                case SUCCEEDED -> throw new ConflictException("The contract is already paid by card.");
                case PENDING ->
                    throw new ConflictException("A card payment attempt is pending; its outcome must be "
                            + "known before recording a payment made another way.");
                default -> {
                    // declined or refunded: record the manual payment as a new attempt
                }
            }
        }
        int attempt = current.map(p -> p.getAttempt() + 1).orElse(1);
        Payment manual = new Payment(contractId, attempt, contract.getPrice(), contract.getCurrency(), null, now());
        manual.manual(PaymentToken.maskCardNumbers(reference.strip()), by, now());
        payments.save(manual);
    }

    @Transactional(readOnly = true)
    public Optional<Payment> latestFor(UUID contractId) {
        return payments.findFirstByContractIdOrderByAttemptDesc(contractId);
    }

    private UUID createAttempt(Contract contract, int attempt, String paymentMethod) {
        try {
            return attempts.create(
                    contract.getId(),
                    attempt,
                    contract.getPrice(),
                    contract.getCurrency(),
                    PaymentToken.mask(paymentMethod));
        } catch (DataIntegrityViolationException concurrent) {
            // another call stored the same attempt first: use it
            return payments.findByIdempotencyKey(Payment.key(contract.getId(), attempt))
                    .orElseThrow(() -> concurrent)
                    .getId();
        }
    }

    private void createAttemptHere(UUID contractId, Payment declined, String paymentMethod) {
        payments.save(new Payment(
                contractId,
                declined.getAttempt() + 1,
                declined.getAmount(),
                declined.getCurrency(),
                PaymentToken.mask(paymentMethod),
                now()));
    }

    private static void requireMethod(String paymentMethod, String field) {
        if (paymentMethod == null || paymentMethod.isBlank()) {
            throw new DomainValidationException(field, "is required (the card processor's token for the card)");
        }
        PaymentToken.refuseCardNumber(field, paymentMethod);
    }

    private Contract contract(UUID contractId) {
        return contracts
                .findById(contractId)
                .orElseThrow(() -> new NotFoundException("There is no contract with id " + contractId + "."));
    }

    private OffsetDateTime now() {
        return utcNow(clock);
    }
}
