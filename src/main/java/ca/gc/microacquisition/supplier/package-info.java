/**
 * Suppliers: registration, identity and residency, sign-in (user details, API tokens), password reset, notices to
 * suppliers, and the supplier account API. Uses notification and common.
 */
package ca.gc.microacquisition.supplier;
