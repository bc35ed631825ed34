/**
 * The suppliers' portal (Thymeleaf, /en/ and /fr/): public pages and feed, account, proposal, subscription and
 * payout pages, locale and rate limiting, its security chain (PortalSecurityConfig), and the staff outbox page. A
 * web layer over the domain services: uses opportunity, proposal, contract, payment, payee, supplier,
 * subscription, common and adapters.notification.outbox (outbox page).
 */
package ca.gc.microacquisition.portal;
