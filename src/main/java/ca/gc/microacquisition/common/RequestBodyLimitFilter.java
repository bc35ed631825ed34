package ca.gc.microacquisition.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies have a ceiling: {@code app.request.max-body-size} (1 MB) on the portal and the supplier API,
 * {@code app.request.camunda-max-body-size} (10 MB: deployments of models) on {@code /camunda/**} and
 * {@code /engine-rest/**}. A declared Content-Length over the ceiling is refused before anything is read; a body
 * sent without a length (chunked) is read through a counting stream that fails past the ceiling, and the answer
 * becomes 413 too. The API and the engine REST API get problem+json, the portal a plain 413. Tomcat's own
 * {@code max-http-form-post-size} and {@code max-swallow-size} (application.yaml) bound form parsing and what it
 * reads of a refused upload.
 */
@Configuration(proxyBeanMethods = false)
public class RequestBodyLimitFilter {

    static final String ATTRIBUTE = RequestBodyLimitFilter.class.getName() + ".overflow";

    @Bean
    public FilterRegistrationBean<OncePerRequestFilter> requestBodyLimitFilterRegistration(
            ObjectMapper json,
            @Value("${app.request.max-body-size:1MB}") DataSize limit,
            @Value("${app.request.camunda-max-body-size:10MB}") DataSize camundaLimit,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                boolean camunda = path.startsWith(webappPath + "/") || path.startsWith("/engine-rest/");
                long max = (camunda ? camundaLimit : limit).toBytes();
                if (request.getContentLengthLong() > max) {
                    tooLarge(json, request, response, max);
                    return;
                }
                LimitedRequest limited = new LimitedRequest(request, max);
                chain.doFilter(limited, response);
                if (limited.overflowed && !response.isCommitted()) {
                    response.reset();
                    tooLarge(json, request, response, max);
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("request-body-limit");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Thrown by the body stream past the ceiling; the API answers 413 for it (ApiExceptionHandler). */
    public static final class BodyTooLargeException extends IOException {

        private final long max;

        BodyTooLargeException(long max) {
            super("The request body is larger than this service accepts (" + max / 1024 + " KB).");
            this.max = max;
        }

        public long getMax() {
            return max;
        }
    }

    static void tooLarge(ObjectMapper json, HttpServletRequest request, HttpServletResponse response, long max)
            throws IOException {
        String detail = "The request body is larger than this service accepts (" + max / 1024 + " KB).";
        // Nothing more of the body will be read: the connection closes after this answer.
        response.setHeader("Connection", "close");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/engine-rest/")) {
            ProblemResponses.write(json, request, response, HttpStatus.PAYLOAD_TOO_LARGE, detail, "suppliers");
        } else {
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value(), detail);
        }
    }

    /** A request whose body stream fails once more than {@code max} bytes were read. */
    static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream stream;
        boolean overflowed;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            return new java.io.BufferedReader(new java.io.InputStreamReader(
                    getInputStream(), getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding()));
        }

        private final class CountingStream extends ServletInputStream {

            private final ServletInputStream in;
            private long count;

            CountingStream(ServletInputStream in) {
                this.in = in;
            }

            private void add(long n) throws IOException {
                if (n > 0) {
                    count += n;
                    if (count > max) {
                        overflowed = true;
                        throw new BodyTooLargeException(max);
                    }
                }
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    add(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                add(n);
                return n;
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }
}
