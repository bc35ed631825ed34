package ca.gc.microacquisition.supplier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A supplier API token; only the SHA-256 of the token itself is stored. */
@Entity
@Table(name = "supplier_api_token")
class ApiToken {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "supplier_id", nullable = false)
    private UUID supplierId;

    /** SHA-256 of the supplier's password hash at issue: a password change invalidates the token. */
    @Column(name = "password_stamp", nullable = false, length = 64)
    private String passwordStamp;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    protected ApiToken() {}

    ApiToken(
            String tokenHash,
            UUID supplierId,
            String passwordStamp,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.supplierId = supplierId;
        this.passwordStamp = passwordStamp;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String getTokenHash() {
        return tokenHash;
    }

    UUID getSupplierId() {
        return supplierId;
    }

    String getPasswordStamp() {
        return passwordStamp;
    }

    OffsetDateTime getExpiresAt() {
        return expiresAt;
    }
}
