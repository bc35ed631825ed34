/**
 * Subscriptions to new opportunities: sign-up, confirmation and unsubscribe, the alerts sent through the Notifier
 * port, and the subscription API. Uses opportunity, notification and common.
 */
package ca.gc.microacquisition.subscription;
