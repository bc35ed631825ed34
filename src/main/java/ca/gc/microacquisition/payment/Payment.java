package ca.gc.microacquisition.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One attempt to pay a contract. Its idempotency key is stored (and committed) before the card processor is
 * called, so a retried call can never charge twice.
 */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    private UUID id;

    @Column(name = "contract_id", nullable = false)
    private UUID contractId;

    @Column(nullable = false)
    private int attempt;

    @Column(name = "idempotency_key", nullable = false, unique = true, length = 100)
    private String idempotencyKey;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false, length = 3)
    private String currency;

    /** The card as shown to people: only the last four digits when it is a card number. */
    @Column(name = "payment_method", length = 200)
    private String paymentMethod;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private PaymentStatus status;

    @Column(name = "provider_reference", length = 200)
    private String providerReference;

    @Column(name = "decline_code", length = 100)
    private String declineCode;

    @Column(length = 1000)
    private String message;

    @Column(name = "recorded_by", length = 100)
    private String recordedBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "refund_reference", length = 200)
    private String refundReference;

    @Column(name = "refund_reason", length = 500)
    private String refundReason;

    @Column(name = "refunded_by", length = 100)
    private String refundedBy;

    @Column(name = "refunded_at")
    private OffsetDateTime refundedAt;

    protected Payment() {}

    Payment(
            UUID contractId,
            int attempt,
            BigDecimal amount,
            String currency,
            String paymentMethod,
            OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.contractId = contractId;
        this.attempt = attempt;
        this.idempotencyKey = key(contractId, attempt);
        this.amount = amount;
        this.currency = currency;
        this.paymentMethod = paymentMethod;
        this.status = PaymentStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** "contract-&lt;contractId&gt;-attempt-&lt;n&gt;". */
    public static String key(UUID contractId, int attempt) {
        return "contract-" + contractId + "-attempt-" + attempt;
    }

    void outcome(
            PaymentStatus status, String providerReference, String declineCode, String message, OffsetDateTime now) {
        this.status = status;
        this.providerReference = providerReference;
        this.declineCode = declineCode;
        this.message = message;
        this.updatedAt = now;
    }

    void refunded(String refundReference, String reason, String actor, OffsetDateTime now) {
        this.status = PaymentStatus.REFUNDED;
        this.refundReference = refundReference;
        this.refundReason = reason;
        this.refundedBy = actor;
        this.refundedAt = now;
        this.recordedBy = actor;
        this.message = "Refunded (" + refundReference + ") by " + actor + ": " + reason;
        this.updatedAt = now;
    }

    void manual(String reference, String actor, OffsetDateTime now) {
        this.status = PaymentStatus.MANUAL;
        this.providerReference = reference;
        this.recordedBy = actor;
        this.message = "Paid another way (reference " + reference + "), recorded by " + actor + ".";
        this.updatedAt = now;
    }

    void paymentMethod(String maskedMethod, OffsetDateTime now) {
        this.paymentMethod = maskedMethod;
        this.updatedAt = now;
    }

    public PaymentOutcome toOutcome() {
        return new PaymentOutcome(id, status.name(), message);
    }

    public String getRefundReference() {
        return refundReference;
    }

    public String getRefundReason() {
        return refundReason;
    }

    public String getRefundedBy() {
        return refundedBy;
    }

    public OffsetDateTime getRefundedAt() {
        return refundedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getContractId() {
        return contractId;
    }

    public int getAttempt() {
        return attempt;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getPaymentMethod() {
        return paymentMethod;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public String getProviderReference() {
        return providerReference;
    }

    public String getDeclineCode() {
        return declineCode;
    }

    public String getMessage() {
        return message;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
