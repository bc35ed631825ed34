package ca.gc.microacquisition.adapters.notification.outbox;

import java.time.Instant;
import java.util.UUID;

/** A stored notification: as staff see it (one-time secrets hidden), or as a sender delivers it. */
public record OutboxMessageView(
        UUID id,
        String recipient,
        String language,
        String subject,
        String body,
        String reference,
        String kind,
        String channel,
        Instant createdAt,
        Instant sentAt) {

    static OutboxMessageView of(OutboxMessage m) {
        return new OutboxMessageView(
                m.getId(),
                m.getRecipient(),
                m.getLanguage(),
                m.getSubject(),
                m.getBody(),
                m.getReference(),
                m.getKind(),
                m.getChannel(),
                m.getCreatedAt(),
                m.getSentAt());
    }
}
