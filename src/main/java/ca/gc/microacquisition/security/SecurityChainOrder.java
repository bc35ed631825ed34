package ca.gc.microacquisition.security;

import org.springframework.core.Ordered;

/**
 * The order of the service's Spring Security filter chains, in one place: the first chain whose matcher fits a
 * request handles it, so the narrow chains come first and the portal's catch-all chain last.
 */
public final class SecurityChainOrder {

    /** {@code /camunda/**}, {@code /engine-rest/**}: handed to Camunda's own security. */
    public static final int CAMUNDA_PATHS = Ordered.HIGHEST_PRECEDENCE + 10;

    /** {@code /staff/**}: staff pages and reports (HTTP Basic, Camunda users). */
    public static final int STAFF = Ordered.HIGHEST_PRECEDENCE + 20;

    /** {@code /api/**}: the supplier API (HTTP Basic or bearer API token). */
    public static final int SUPPLIER_API = Ordered.HIGHEST_PRECEDENCE + 30;

    /** The actuator endpoints on the management port. */
    public static final int MANAGEMENT = Ordered.HIGHEST_PRECEDENCE + 40;

    /** Everything else except the Camunda paths: the supplier portal (form sign-in, session, CSRF). */
    public static final int PORTAL = Ordered.HIGHEST_PRECEDENCE + 50;

    private SecurityChainOrder() {}
}
