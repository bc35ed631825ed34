package ca.gc.microacquisition.common;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sign-in back-off counters ({@code app.sign-in-throttle.*}): one per supplier account and one per client
 * address, shared by the portal's form and the API's HTTP Basic; one per client address for staff sign-ins
 * (Camunda delays the staff account itself: {@code loginDelay*} in application.yaml).
 */
@Configuration(proxyBeanMethods = false)
public class SignInThrottles {

    @Bean
    public LoginThrottle supplierAccountThrottle(
            Clock clock,
            @Value("${app.sign-in-throttle.account-free-failures:5}") int free,
            @Value("${app.sign-in-throttle.max-delay:PT15M}") Duration max) {
        return new LoginThrottle(free, max, clock);
    }

    @Bean
    public LoginThrottle signInAddressThrottle(
            Clock clock,
            @Value("${app.sign-in-throttle.address-free-failures:20}") int free,
            @Value("${app.sign-in-throttle.max-delay:PT15M}") Duration max) {
        return new LoginThrottle(free, max, clock);
    }

    @Bean
    public LoginThrottle staffAddressThrottle(
            Clock clock,
            @Value("${app.sign-in-throttle.staff-address-free-failures:20}") int free,
            @Value("${app.sign-in-throttle.max-delay:PT15M}") Duration max) {
        return new LoginThrottle(free, max, clock);
    }
}
