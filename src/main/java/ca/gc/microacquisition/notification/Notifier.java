package ca.gc.microacquisition.notification;

/**
 * Port for telling people things (suppliers, staff, subscribers).
 * The outbox implementation stores messages in the database in the caller's transaction; other channels
 * (SMTP, GC Notify) deliver from there.
 */
public interface Notifier {

    void send(Notification notification);
}
