/**
 * A MessageDelivery channel that sends outbox messages through GC Notify over HTTP. Uses the outbox only.
 */
package ca.gc.microacquisition.adapters.notification.gcnotify;
