package ca.gc.microacquisition.common;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** How the domain reads the time: from the injected {@link Clock} (ClockConfig; tests move it), as UTC. */
public final class Times {

    private Times() {}

    /** Now, by this clock, at offset UTC: what the domain stores and compares. */
    public static OffsetDateTime utcNow(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
