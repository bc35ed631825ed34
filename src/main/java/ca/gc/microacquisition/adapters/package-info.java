/**
 * Adapters: the implementations of the domain's ports (repositoryhost.RepositoryHost and OpportunityIssues,
 * notification.Notifier and NotificationLog, payment.CardProcessor, payee.PayoutAccounts) for real and offline
 * systems, chosen by configuration. Nothing outside adapters imports them (architecture.ArchitectureTest); they use
 * the port's package and its value types, common's small helpers, and
 * {@link ca.gc.microacquisition.adapters.Secrets} keeps tokens out of logs.
 */
package ca.gc.microacquisition.adapters;
