/**
 * Adapters: the implementations of the domain's ports (repositoryhost.RepositoryHost, notification.Notifier,
 * payment.CardProcessor, payee.PayoutAccounts) for real and offline systems, chosen by configuration. Nothing
 * outside adapters imports them, except the staff outbox page in portal; they use the port's package and its value
 * types, and {@link ca.gc.microacquisition.adapters.Secrets} keeps tokens out of logs.
 */
package ca.gc.microacquisition.adapters;
