/**
 * The Cockpit "Audit" plugin: a Camunda webapp plugin and its JAX-RS resources, running as the signed-in user.
 * Uses audit only.
 */
package ca.gc.microacquisition.audit.cockpit;
