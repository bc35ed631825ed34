/**
 * The contract-splitting guardrail: computes its inputs from the history of requests and awards (SplittingService)
 * under a policy (GuardrailPolicy) read from the rule tables. Uses opportunity, proposal, contract and common;
 * never Camunda.
 */
package ca.gc.microacquisition.splitting;
