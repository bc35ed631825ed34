/**
 * The notification.Notifier port and its Notification message: how the domain tells suppliers, staff and
 * subscribers things. Depends on nothing; implemented in adapters.notification.outbox.
 */
package ca.gc.microacquisition.notification;
