/**
 * Staff identity and access in the engine: groups and teams, the baseline authorization matrix (AccessPolicy),
 * Tasklist filters, password hashing and policy, demo and first-administrator setup, staff sign-in for the service's
 * own staff and management chains (CamundaIdentityAuthentication), the engine REST API's authentication and staff
 * sign-in throttling. Uses Camunda, Spring Security and common.
 */
package ca.gc.microacquisition.identity;
