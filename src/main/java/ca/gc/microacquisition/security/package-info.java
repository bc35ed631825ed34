/**
 * Every Spring Security filter chain of the service, in one place, ordered by SecurityChainOrder: the Camunda paths
 * handed to Camunda (CamundaPathsSecurityConfig), the staff pages (StaffSecurityConfig), the supplier API with its
 * bearer tokens (SupplierApiSecurityConfig, ApiTokenFilter), the management port (ManagementSecurityConfig) and the
 * supplier portal's pages (PortalSecurityConfig, SupplierSessionCheck); what the stateless HTTP Basic chains share
 * is in StatelessChains. Uses supplier (accounts, API tokens),
 * identity (staff sign-in, groups), portal (page language) and common (problem+json, sign-in throttling).
 */
package ca.gc.microacquisition.security;
