package ca.gc.microacquisition.supplier;

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

/** A person or business that sends proposals; signs in with e-mail and password. */
@Entity
@Table(name = "supplier")
public class Supplier {

    @Id
    private UUID id;

    /** Lower case; unique. */
    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(nullable = false, length = 2)
    private String language;

    @Column(name = "age_of_majority", nullable = false)
    private boolean ageOfMajority;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "residency_status", nullable = false, length = 30)
    private ResidencyStatus residencyStatus;

    @Column(name = "can_accept_card_or_paypal", nullable = false)
    private boolean canAcceptCardOrPayPal;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Supplier() {}

    Supplier(
            String email,
            String passwordHash,
            String displayName,
            String language,
            boolean ageOfMajority,
            ResidencyStatus residencyStatus,
            boolean canAcceptCardOrPayPal,
            OffsetDateTime createdAt) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.language = language;
        this.ageOfMajority = ageOfMajority;
        this.residencyStatus = residencyStatus;
        this.canAcceptCardOrPayPal = canAcceptCardOrPayPal;
        this.createdAt = createdAt;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /** Whether the declarations make the supplier eligible to receive a contract. */
    public boolean declarationsSatisfied() {
        return ageOfMajority && residencyStatus != null && canAcceptCardOrPayPal;
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getLanguage() {
        return language;
    }

    public boolean isAgeOfMajority() {
        return ageOfMajority;
    }

    public ResidencyStatus getResidencyStatus() {
        return residencyStatus;
    }

    public boolean isCanAcceptCardOrPayPal() {
        return canAcceptCardOrPayPal;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
