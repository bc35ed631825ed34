package ca.gc.microacquisition.adapters.notification.outbox;

import ca.gc.microacquisition.notification.NotificationLog;
import ca.gc.microacquisition.notification.StoredNotification;
import java.util.List;
import org.springframework.stereotype.Component;

/** The notification log read from the outbox: the stored bodies, in which one-time secrets are hidden. */
@Component
class OutboxNotificationLog implements NotificationLog {

    private final OutboxMessages outbox;

    OutboxNotificationLog(OutboxMessages outbox) {
        this.outbox = outbox;
    }

    @Override
    public List<StoredNotification> latest(int limit) {
        return outbox.latest(limit).stream().map(OutboxNotificationLog::stored).toList();
    }

    @Override
    public List<StoredNotification> byReference(String reference) {
        return outbox.byReference(reference).stream()
                .map(OutboxNotificationLog::stored)
                .toList();
    }

    @Override
    public List<StoredNotification> byRecipient(String recipient) {
        return outbox.byRecipient(recipient).stream()
                .map(OutboxNotificationLog::stored)
                .toList();
    }

    private static StoredNotification stored(OutboxMessageView m) {
        return new StoredNotification(
                m.id(),
                m.recipient(),
                m.language(),
                m.subject(),
                m.body(),
                m.reference(),
                m.kind(),
                m.channel(),
                m.createdAt(),
                m.sentAt());
    }
}
