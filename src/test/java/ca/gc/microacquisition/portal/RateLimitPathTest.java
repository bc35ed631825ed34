package ca.gc.microacquisition.portal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.common.RateLimitedException;
import ca.gc.microacquisition.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The rate limits count the decoded path, as the handler mapping sees it. */
class RateLimitPathTest {

    @Test
    void encodedAndPlainSpellingsShareOneCounter() {
        RateLimitInterceptor limits = new RateLimitInterceptor(
                new MutableClock(Instant.parse("2026-03-02T15:00:00Z")), Duration.ofMinutes(10), 2, 10, 5, 5);
        limits.preHandle(post("/en/register", "/en/register"), new MockHttpServletResponse(), null);
        limits.preHandle(post("/en/%72egister", "/en/register"), new MockHttpServletResponse(), null);
        assertThatThrownBy(() -> limits.preHandle(
                        post("/en/reg%69ster;jsessionid=x", "/en/register"), new MockHttpServletResponse(), null))
                .isInstanceOf(RateLimitedException.class);
    }

    private static MockHttpServletRequest post(String rawUri, String decoded) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", rawUri);
        request.setServletPath(decoded);
        request.setRemoteAddr("192.0.2.5");
        return request;
    }
}
