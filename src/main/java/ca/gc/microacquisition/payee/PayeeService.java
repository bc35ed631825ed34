package ca.gc.microacquisition.payee;

import static ca.gc.microacquisition.common.Times.utcNow;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.DomainValidationException;
import ca.gc.microacquisition.common.NotFoundException;
import ca.gc.microacquisition.payment.CardPayees;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.supplier.SupplierNotices;
import ca.gc.microacquisition.supplier.SupplierRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How suppliers get paid. A supplier opens a connected account at the card processor and finishes the processor's
 * onboarding (identity, bank account: given to the processor, never to this service), or names a PayPal address.
 * The account id and the status read back are stored; a contract is awarded only to a supplier who can be paid,
 * and the card charge goes to that account.
 */
@Service
@Transactional
public class PayeeService implements CardPayees {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final SupplierPayeeRepository payees;
    private final SupplierRepository suppliers;
    private final PayoutAccounts accounts;
    private final SupplierNotices notices;
    private final Clock clock;

    PayeeService(
            SupplierPayeeRepository payees,
            SupplierRepository suppliers,
            PayoutAccounts accounts,
            SupplierNotices notices,
            Clock clock) {
        this.payees = payees;
        this.suppliers = suppliers;
        this.accounts = accounts;
        this.notices = notices;
        this.clock = clock;
    }

    /** What the supplier has set up, as last read (no call to the processor). */
    @Transactional(readOnly = true)
    public PayoutReadiness readiness(UUID supplierId) {
        return payees.findById(supplierId).map(PayoutReadiness::of).orElseGet(PayoutReadiness::none);
    }

    /**
     * Opens the supplier's connected account if there is none at the current processor, and returns a fresh
     * onboarding link for it (the supplier follows it to the processor's pages).
     */
    public String startOnboarding(UUID supplierId, String refreshUrl, String returnUrl) {
        Supplier supplier = supplier(supplierId);
        SupplierPayee payee = payees.findById(supplierId).orElseGet(() -> new SupplierPayee(supplierId, now()));
        if (payee.getAccountId() == null || !accounts.provider().equals(payee.getProvider())) {
            String accountId = accounts.createAccount(new PayoutHolder(
                    supplierId.toString(), supplier.getEmail(), supplier.getDisplayName(), supplier.getLanguage()));
            payee.connectedAccount(accounts.provider(), accountId, now());
        } else {
            payee.useConnectedAccount(now());
        }
        payees.save(payee);
        return accounts.onboardingLink(payee.getAccountId(), refreshUrl, returnUrl);
    }

    /** Reads the connected account's status from the processor and stores it. */
    public PayoutReadiness refresh(UUID supplierId) {
        supplier(supplierId);
        Optional<SupplierPayee> found = payees.findById(supplierId);
        if (found.isEmpty()) {
            return PayoutReadiness.none();
        }
        SupplierPayee payee = found.get();
        if (payee.getAccountId() != null && accounts.provider().equals(payee.getProvider())) {
            payee.status(accounts.status(payee.getAccountId()), now());
        }
        return PayoutReadiness.of(payee);
    }

    /** The supplier prefers PayPal: finance pays this address and records the payout. */
    public PayoutReadiness preferPayPal(UUID supplierId, String email) {
        supplier(supplierId);
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.isEmpty()) {
            throw new DomainValidationException("paypalEmail", "is required (the address of your PayPal account)");
        }
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw new DomainValidationException("paypalEmail", "must be an e-mail address, like name@example.com");
        }
        SupplierPayee payee = payees.findById(supplierId).orElseGet(() -> new SupplierPayee(supplierId, now()));
        payee.payPal(address, now());
        return PayoutReadiness.of(payees.save(payee));
    }

    /**
     * Before award: whether the supplier can be paid now. A connected account is read again from the processor
     * (the supplier may have finished or lost the onboarding since); an outage is thrown for the engine to retry.
     */
    public boolean readyForAward(UUID supplierId) {
        return refresh(supplierId).ready();
    }

    /** The connected account a card payment to the supplier goes to; refused when the supplier cannot be paid so. */
    @Override
    @Transactional(readOnly = true)
    public String cardPayee(UUID supplierId) {
        SupplierPayee payee = payees.findById(supplierId)
                .orElseThrow(() -> new ConflictException(
                        "The supplier has no payout account: a card payment would not reach them."));
        if (payee.getMethod() != PayoutMethod.CONNECTED_ACCOUNT || payee.getAccountId() == null) {
            throw new ConflictException("The supplier is not paid through a connected account.");
        }
        if (!accounts.provider().equals(payee.getProvider())) {
            throw new ConflictException("The supplier's payout account " + payee.getAccountId() + " is at "
                    + payee.getProvider() + ", not at the card processor in use (" + accounts.provider() + ").");
        }
        return payee.getAccountId();
    }

    /** The PayPal address, when the supplier prefers PayPal. */
    @Transactional(readOnly = true)
    public Optional<String> payPalAddress(UUID supplierId) {
        return payees.findById(supplierId)
                .filter(p -> p.getMethod() == PayoutMethod.PAYPAL)
                .map(SupplierPayee::getPaypalEmail);
    }

    /** Tells a supplier who sent a proposal but cannot be paid yet what to do before the award. */
    public void remindIfNotReady(UUID supplierId, String reference) {
        if (readiness(supplierId).ready()) {
            return;
        }
        notices.sendNotice(supplierId, reference, "PAYOUT_SETUP_NEEDED", "payoutSetupNeeded", reference);
    }

    /** Tells a supplier whose drawn proposal was passed over because they cannot be paid. */
    public void notifyPassedOver(UUID supplierId, String reference) {
        notices.sendNotice(supplierId, reference, "PAYOUT_NOT_READY", "payoutNotReady", reference);
    }

    private Supplier supplier(UUID supplierId) {
        return suppliers
                .findById(supplierId)
                .orElseThrow(() -> new NotFoundException("There is no supplier with id " + supplierId + "."));
    }

    private OffsetDateTime now() {
        return utcNow(clock);
    }
}
