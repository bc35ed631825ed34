package ca.gc.microacquisition.portal;

import ca.gc.microacquisition.common.RateLimitedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UrlPathHelper;

/**
 * Limits, per client address, how often registration, questions, subscriptions and password resets can be sent
 * (pages and API alike). Over the limit the answer is 429 (a page, or problem+json on the API) with Retry-After.
 * Behind a proxy, set {@code server.forward-headers-strategy=native} so that the client's address is used.
 */
@Component
public class RateLimitInterceptor implements HandlerInterceptor {

    private record Rule(Pattern path, RateLimiter limiter) {}

    private final Map<String, Rule> rules = new LinkedHashMap<>();

    RateLimitInterceptor(
            Clock clock,
            @Value("${app.rate-limit.window:PT10M}") Duration window,
            @Value("${app.rate-limit.registrations:5}") int registrations,
            @Value("${app.rate-limit.questions:10}") int questions,
            @Value("${app.rate-limit.subscriptions:5}") int subscriptions,
            @Value("${app.rate-limit.password-resets:5}") int passwordResets) {
        rules.put(
                "registration",
                new Rule(
                        Pattern.compile("/api/suppliers|/(en|fr)/register"),
                        new RateLimiter(registrations, window, clock)));
        rules.put(
                "question",
                new Rule(
                        Pattern.compile("/api/opportunities/[^/]+/questions|/(en|fr)/opportunities/[^/]+/questions"),
                        new RateLimiter(questions, window, clock)));
        rules.put(
                "subscription",
                new Rule(
                        Pattern.compile("/api/subscriptions|/(en|fr)/subscriptions"),
                        new RateLimiter(subscriptions, window, clock)));
        rules.put(
                "password-reset",
                new Rule(Pattern.compile("/(en|fr)/password-reset"), new RateLimiter(passwordResets, window, clock)));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        // The decoded path without ;parameters, as the handler mapping sees it (so /en/%72egister counts as
        // /en/register); common.RequestPathFilter has already refused needless percent-encodings.
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        for (Map.Entry<String, Rule> e : rules.entrySet()) {
            Rule rule = e.getValue();
            if (rule.path().matcher(path).matches()
                    && !rule.limiter().tryAcquire(e.getKey() + "|" + request.getRemoteAddr())) {
                response.setHeader(
                        "Retry-After", String.valueOf(rule.limiter().window().toSeconds()));
                throw new RateLimitedException(rule.limiter().window());
            }
        }
        return true;
    }
}
