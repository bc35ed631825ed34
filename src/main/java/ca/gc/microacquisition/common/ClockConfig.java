package ca.gc.microacquisition.common;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of "now" for the domain (tests replace it to move time), and of the service's time zone
 * ({@code app.time-zone}, default {@code America/Toronto}) in which dates are shown and days are counted.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfig {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public ZoneId serviceTimeZone(@Value("${app.time-zone:America/Toronto}") String timeZone) {
        return ZoneId.of(timeZone);
    }
}
