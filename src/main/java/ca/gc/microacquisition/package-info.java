/**
 * The Micro-Acquisition service: a Spring Boot application with an embedded Camunda 7 engine that runs the
 * <code>MicroProcurement</code> process. Code is packaged by feature; each sub-package's <code>package-info</code>
 * says what it owns and what it may use, and docs/architecture.md draws the map. This package holds only the
 * application class.
 */
package ca.gc.microacquisition;
