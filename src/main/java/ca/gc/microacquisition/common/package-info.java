/**
 * Small shared pieces with no feature of their own: problem+json errors and the API's exception handler, input
 * checks (Inputs), CSV, the clock and the service's time zone (ClockConfig) and reading the time as UTC (Times),
 * cutting text to its column (Texts), request filters (body size, path) and sign-in throttling. Uses Spring only;
 * every feature may use it.
 */
package ca.gc.microacquisition.common;
