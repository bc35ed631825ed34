/**
 * Running the service: engine metrics (Micrometer), open incidents, the job executor's health indicator, and the
 * security chain of the management (actuator) port. Uses Camunda, identity and common.
 */
package ca.gc.microacquisition.operations;
