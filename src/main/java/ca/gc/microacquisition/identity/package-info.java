/**
 * Staff identity and access in the engine: groups and teams, the baseline authorization matrix (AccessPolicy),
 * Tasklist filters, password hashing and policy, demo and first-administrator setup, and the Spring Security
 * chains for the Camunda webapps and the engine REST API with staff sign-in throttling. Uses Camunda, Spring
 * Security and common.
 */
package ca.gc.microacquisition.identity;
