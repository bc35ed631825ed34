/**
 * The suppliers' portal (Thymeleaf, /en/ and /fr/): public pages and feed, account, question (QuestionPagesController),
 * proposal (ProposalPagesController), own page (MyPagesController), delivery (DeliveryPagesController), subscription
 * and payout pages, locale and rate limiting (its security chain is security.PortalSecurityConfig). A web layer over the
 * domain services: uses opportunity, proposal, contract, payment, payee, supplier, subscription and common.
 */
package ca.gc.microacquisition.portal;
