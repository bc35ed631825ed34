/**
 * A MessageDelivery channel that sends outbox messages by SMTP (Spring Mail). Uses the outbox and subscription
 * (unsubscribe links).
 */
package ca.gc.microacquisition.adapters.notification.smtp;
