/**
 * Governance of the decision tables (DMN): checks at deployment (RuleDeploymentGuard, FEEL only), a change log
 * with reasons, guarded deletions and evaluations (RuleCommandGuard), and the workbench behind the Cockpit Rules
 * page (diff, try on examples, deploy, roll back). Uses Camunda and identity.
 */
package ca.gc.microacquisition.rules;
