package ca.gc.microacquisition.notification;

import java.util.List;

/** The notifications the service stored, newest first, for staff (implemented by the outbox adapter). */
public interface NotificationLog {

    /** The {@code limit} most recent notifications (the implementation may cap the limit). */
    List<StoredNotification> latest(int limit);

    /** Every notification about a procurement reference (MA-yyyy-nnnn); none for a blank reference. */
    List<StoredNotification> byReference(String reference);

    /** Every notification to one recipient (e-mail address, case-insensitive, or {@code user:<id>}). */
    List<StoredNotification> byRecipient(String recipient);
}
