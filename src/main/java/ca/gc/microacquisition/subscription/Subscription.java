package ca.gc.microacquisition.subscription;

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

/** An e-mail address that asked to hear of new opportunities; confirmed by a link (double opt-in). */
@Entity
@Table(name = "subscription")
public class Subscription {

    public enum Status {
        PENDING,
        CONFIRMED,
        UNSUBSCRIBED
    }

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(nullable = false, length = 2)
    private String language;

    /** Random, unguessable; used in the confirmation and unsubscribe links. */
    @Column(nullable = false, unique = true, length = 64)
    private String token;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;

    @Column(name = "unsubscribed_at")
    private OffsetDateTime unsubscribedAt;

    protected Subscription() {}

    Subscription(String email, String language, String token, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.language = language;
        this.token = token;
        this.status = Status.PENDING;
        this.createdAt = now;
    }

    void renew(String language, String token) {
        this.language = language;
        this.token = token;
        this.status = Status.PENDING;
        this.unsubscribedAt = null;
    }

    void confirm(OffsetDateTime now) {
        this.status = Status.CONFIRMED;
        this.confirmedAt = now;
    }

    void unsubscribe(OffsetDateTime now) {
        this.status = Status.UNSUBSCRIBED;
        this.unsubscribedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getLanguage() {
        return language;
    }

    public String getToken() {
        return token;
    }

    public Status getStatus() {
        return status;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getConfirmedAt() {
        return confirmedAt;
    }

    public OffsetDateTime getUnsubscribedAt() {
        return unsubscribedAt;
    }
}
