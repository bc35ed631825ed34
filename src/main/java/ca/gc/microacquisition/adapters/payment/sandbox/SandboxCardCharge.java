package ca.gc.microacquisition.adapters.payment.sandbox;

import static ca.gc.microacquisition.common.Texts.truncate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One line of the sandbox card processor's ledger: a charge or a refund, with the answer the processor gave.
 * Rows are never updated; a refund is a new row pointing to its charge.
 */
@Entity
@Table(name = "sandbox_card_charge")
public class SandboxCardCharge {

    public enum Kind {
        CHARGE,
        REFUND
    }

    public enum Status {
        SUCCEEDED,
        DECLINED,
        REFUNDED
    }

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "idempotency_key", nullable = false, length = 255, unique = true)
    private String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "kind", nullable = false, length = 16)
    private Kind kind;

    /** For a refund: the charge it refunds (null when the charge was not found). */
    @Column(name = "charge_id")
    private UUID chargeId;

    @Column(name = "amount", precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(name = "currency", length = 16)
    private String currency;

    @Column(name = "payment_method_masked", length = 64)
    private String paymentMethodMasked;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false, length = 16)
    private Status status;

    @Column(name = "decline_code", length = 64)
    private String declineCode;

    @Column(name = "description", length = 500)
    private String description;

    @Column(name = "payee_reference", length = 255)
    private String payeeReference;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SandboxCardCharge() {}

    SandboxCardCharge(
            String idempotencyKey,
            Kind kind,
            UUID chargeId,
            BigDecimal amount,
            String currency,
            String paymentMethodMasked,
            Status status,
            String declineCode,
            String description,
            String payeeReference,
            Instant createdAt) {
        this.id = UUID.randomUUID();
        this.idempotencyKey = idempotencyKey;
        this.kind = kind;
        this.chargeId = chargeId;
        this.amount = amount;
        this.currency = currency;
        this.paymentMethodMasked = paymentMethodMasked;
        this.status = status;
        this.declineCode = declineCode;
        this.description = truncate(description, 500);
        this.payeeReference = truncate(payeeReference, 255);
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public Kind getKind() {
        return kind;
    }

    public UUID getChargeId() {
        return chargeId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getPaymentMethodMasked() {
        return paymentMethodMasked;
    }

    public Status getStatus() {
        return status;
    }

    public String getDeclineCode() {
        return declineCode;
    }

    public String getDescription() {
        return description;
    }

    public String getPayeeReference() {
        return payeeReference;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The processor's id of this charge or refund, as callers see it. */
    public String getProviderReference() {
        return (kind == Kind.CHARGE ? SandboxCardProcessor.CHARGE_PREFIX : SandboxCardProcessor.REFUND_PREFIX) + id;
    }
}
