/**
 * Running the service: engine metrics (Micrometer), open incidents and the job executor's health indicator (the
 * management port's security chain is security.ManagementSecurityConfig). Uses Camunda and common.
 */
package ca.gc.microacquisition.operations;
