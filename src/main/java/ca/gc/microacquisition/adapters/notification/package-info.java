/**
 * Implementations of the notification.Notifier port: the database outbox and the channels that deliver from it.
 */
package ca.gc.microacquisition.adapters.notification;
