package ca.gc.microacquisition.adapters.notification.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * A stored notification (table {@code notification_outbox}); {@code sentAt} stays null until a sender delivers it.
 * {@code body} never holds a one-time secret; the full body of a message that has one is kept sealed only until
 * it is sent.
 */
@Entity
@Table(name = "notification_outbox")
public class OutboxMessage implements Persistable<UUID> {

    static final int MAX_RECIPIENT = 320;
    static final int MAX_SUBJECT = 1000;
    static final int MAX_BODY = 100_000;
    static final int MAX_REFERENCE = 64;
    static final int MAX_KIND = 64;

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "recipient", nullable = false, length = MAX_RECIPIENT)
    private String recipient;

    @Column(name = "language", nullable = false, length = 8)
    private String language;

    @Column(name = "subject", nullable = false, length = MAX_SUBJECT)
    private String subject;

    /** The body as staff may read it: one-time secrets hidden ({@link OneTimeSecrets}). */
    @Column(name = "body", nullable = false, length = MAX_BODY)
    private String body;

    /** The full body, sealed ({@link BodySealer}), while it holds a secret and is not sent yet; else null. */
    @Column(name = "sealed_body", length = 500_000)
    private String sealedBody;

    @Column(name = "reference", length = MAX_REFERENCE)
    private String reference;

    @Column(name = "kind", nullable = false, length = MAX_KIND)
    private String kind;

    @Column(name = "channel", nullable = false, length = 32)
    private String channel;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    /** New until stored, so that saving it inserts without looking it up first. */
    @Transient
    private boolean isNew = true;

    protected OutboxMessage() {}

    @PostLoad
    @PostPersist
    void stored() {
        this.isNew = false;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    OutboxMessage(
            String recipient,
            String language,
            String subject,
            String body,
            String reference,
            String kind,
            String channel,
            Instant createdAt) {
        this.id = UUID.randomUUID();
        this.recipient = recipient;
        this.language = language;
        this.subject = subject;
        this.body = body;
        this.reference = reference;
        this.kind = kind;
        this.channel = channel;
        this.createdAt = createdAt;
    }

    void markSent(Instant at) {
        this.sentAt = at;
        this.sealedBody = null;
    }

    void seal(String sealed) {
        this.sealedBody = sealed;
    }

    String sealedBody() {
        return sealedBody;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getLanguage() {
        return language;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getReference() {
        return reference;
    }

    public String getKind() {
        return kind;
    }

    public String getChannel() {
        return channel;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
