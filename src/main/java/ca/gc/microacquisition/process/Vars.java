package ca.gc.microacquisition.process;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading process variables with the types the process relies on. */
final class Vars {

    /** The process variable holding the procurement's opportunity id (text of a UUID). */
    static final String OPPORTUNITY_ID = "opportunityId";

    private Vars() {}

    static UUID uuid(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is missing");
        }
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    static UUID uuidOrNull(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : uuid(scope, name);
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** A Date for timers (the engine's timeDate needs java.util.Date). */
    static Date date(OffsetDateTime time) {
        return time == null ? null : Date.from(time.toInstant());
    }

    /** A date-time as the domain takes it: OffsetDateTime in UTC from Date, Instant or ISO text. */
    static Object dateTimeValue(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Date d) {
            return OffsetDateTime.ofInstant(d.toInstant(), ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        return value;
    }

    /** Who acts: the authenticated user of the current API call or task completion, else the given fallback. */
    static String actor(org.camunda.bpm.engine.IdentityService identityService, String fallback) {
        var authentication = identityService.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return fallback == null ? "system" : fallback;
    }
}
