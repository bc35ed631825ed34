/**
 * The Cockpit "Rules" plugin: a Camunda webapp plugin and its JAX-RS resources. Uses rules only.
 */
package ca.gc.microacquisition.rules.cockpit;
