package ca.gc.microacquisition.payee;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** How one supplier is paid: a connected account at the card processor, or a PayPal address. Never card data. */
@Entity
@Table(name = "supplier_payee")
public class SupplierPayee {

    @Id
    @Column(name = "supplier_id", nullable = false)
    private UUID supplierId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "method", nullable = false, length = 32)
    private PayoutMethod method;

    /** The processor that holds {@link #accountId} ({@code stripe}, {@code sandbox}). */
    @Column(name = "provider", length = 16)
    private String provider;

    @Column(name = "account_id", length = 255)
    private String accountId;

    @Column(name = "details_submitted", nullable = false)
    private boolean detailsSubmitted;

    @Column(name = "charges_enabled", nullable = false)
    private boolean chargesEnabled;

    @Column(name = "payouts_enabled", nullable = false)
    private boolean payoutsEnabled;

    @Column(name = "ready", nullable = false)
    private boolean ready;

    @Column(name = "paypal_email", length = 254)
    private String paypalEmail;

    @Column(name = "checked_at")
    private OffsetDateTime checkedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected SupplierPayee() {}

    SupplierPayee(UUID supplierId, OffsetDateTime now) {
        this.supplierId = supplierId;
        this.method = PayoutMethod.CONNECTED_ACCOUNT;
        this.updatedAt = now;
    }

    void connectedAccount(String provider, String accountId, OffsetDateTime now) {
        this.method = PayoutMethod.CONNECTED_ACCOUNT;
        if (!accountId.equals(this.accountId)) {
            this.provider = provider;
            this.accountId = accountId;
            this.detailsSubmitted = false;
            this.chargesEnabled = false;
            this.payoutsEnabled = false;
            this.ready = false;
            this.checkedAt = null;
        }
        this.updatedAt = now;
    }

    /** Back to the connected account already opened (after a PayPal preference). */
    void useConnectedAccount(OffsetDateTime now) {
        this.method = PayoutMethod.CONNECTED_ACCOUNT;
        this.updatedAt = now;
    }

    void status(PayoutAccountStatus status, OffsetDateTime now) {
        this.detailsSubmitted = status.detailsSubmitted();
        this.chargesEnabled = status.chargesEnabled();
        this.payoutsEnabled = status.payoutsEnabled();
        this.ready = status.ready();
        this.checkedAt = now;
        this.updatedAt = now;
    }

    void payPal(String email, OffsetDateTime now) {
        this.method = PayoutMethod.PAYPAL;
        this.paypalEmail = email;
        this.updatedAt = now;
    }

    /** Whether the supplier can be paid the way they chose. */
    public boolean canBePaid() {
        return method == PayoutMethod.PAYPAL ? paypalEmail != null : accountId != null && ready;
    }

    public UUID getSupplierId() {
        return supplierId;
    }

    public PayoutMethod getMethod() {
        return method;
    }

    public String getProvider() {
        return provider;
    }

    public String getAccountId() {
        return accountId;
    }

    public boolean isDetailsSubmitted() {
        return detailsSubmitted;
    }

    public boolean isChargesEnabled() {
        return chargesEnabled;
    }

    public boolean isPayoutsEnabled() {
        return payoutsEnabled;
    }

    public boolean isReady() {
        return ready;
    }

    public String getPaypalEmail() {
        return paypalEmail;
    }

    public OffsetDateTime getCheckedAt() {
        return checkedAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
