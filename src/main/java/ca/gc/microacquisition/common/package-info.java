/**
 * Small shared pieces with no feature of their own: problem+json errors and the API's exception handler, input
 * checks (Inputs), CSV, the clock and the service's time zone (ClockConfig), request filters (body size, path), the
 * supplier API's security chain (ApiSecurityConfig, ApiTokenFilter) and sign-in throttling. Uses Spring only, and
 * supplier for the API chain; every feature may use it.
 */
package ca.gc.microacquisition.common;
