package ca.gc.microacquisition.supplier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A password reset link; only the SHA-256 of its token is stored. */
@Entity
@Table(name = "password_reset")
class PasswordReset {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "supplier_id", nullable = false)
    private UUID supplierId;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected PasswordReset() {}

    PasswordReset(String tokenHash, UUID supplierId, OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.supplierId = supplierId;
        this.expiresAt = expiresAt;
    }

    boolean usable(OffsetDateTime now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(OffsetDateTime now) {
        this.usedAt = now;
    }

    UUID getSupplierId() {
        return supplierId;
    }
}
