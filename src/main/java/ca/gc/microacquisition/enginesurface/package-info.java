/**
 * The security layer on the engine's public surfaces (the engine REST API and the webapps' engine API):
 * ClientCallGuard, an engine command interceptor, lets reads and the few Tasklist changes staff make through and
 * refuses the rest for non-administrators, with problem responses (EngineProblems); EngineSurfacePlugin also locks
 * down variable serialization. Uses Camunda, identity, process (form fields and task contracts) and common.
 */
package ca.gc.microacquisition.enginesurface;
