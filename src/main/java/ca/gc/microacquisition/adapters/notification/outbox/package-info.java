/**
 * The transactional outbox behind notification.Notifier: messages are stored in the caller's transaction (bodies
 * sealed, one-time secrets kept apart) and a scheduled dispatcher hands them to a MessageDelivery channel. Uses
 * notification only; reads staff addresses from the engine's identity service.
 */
package ca.gc.microacquisition.adapters.notification.outbox;
