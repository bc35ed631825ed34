/**
 * The notification.Notifier port and its Notification message: how the domain tells suppliers, staff and
 * subscribers things; and NotificationLog (StoredNotification), what staff may read of what was sent. Depends on
 * nothing; implemented in adapters.notification.outbox.
 */
package ca.gc.microacquisition.notification;
