package ca.gc.microacquisition.notification;

import java.time.Instant;
import java.util.UUID;

/** A notification as the service stored it, as staff may read it (one-time secrets hidden). */
public record StoredNotification(
        UUID id,
        String recipient,
        String language,
        String subject,
        String body,
        String reference,
        String kind,
        String channel,
        Instant createdAt,
        Instant sentAt) {}
