package ca.gc.microacquisition.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gc.microacquisition.notification.Notification;
import ca.gc.microacquisition.supplier.PasswordResetService;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.testsupport.Fixtures;
import ca.gc.microacquisition.testsupport.InMemoryNotifier;
import ca.gc.microacquisition.testsupport.TestPorts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What a hostile tester did to accounts, sign-in and request inputs, each refused now (and never with a 5xx).
 * Demo profile (staff demo users) on a real port, with low sign-in back-off thresholds.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.bpm.process-engine-name=" + AccountsAndInputsHostileTest.ENGINE,
            "app.sign-in-throttle.account-free-failures=3",
            "app.sign-in-throttle.staff-address-free-failures=4"
        })
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
@Import(TestPorts.class)
class AccountsAndInputsHostileTest {

    static final String ENGINE = "hostile";
    private static final String REST = "/engine-rest/engine/" + ENGINE;
    private static final Pattern TOKEN = Pattern.compile("token=([0-9a-f]{64})");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fx;

    @Autowired
    InMemoryNotifier notifier;

    @Autowired
    IdentityService identityService;

    @Autowired
    PasswordResetService resets;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        fx.reset();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    // --- item 7: no generated Spring password

    @Test
    void springGeneratesNoUserAndNoPassword() {
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
    }

    // --- item 11: lockout as a weapon; supplier sign-in never throttled

    @Test
    void wrongPasswordsDelayAStaffAccountButNeverLockItForGood() {
        for (String user : List.of("admin", "finance")) {
            Date now = new Date();
            for (int i = 0; i < 15; i++) {
                // Each attempt after the previous delay ran out, so that every one of them counts.
                now = new Date(now.getTime() + 61_000);
                ClockUtil.setCurrentTime(now);
                assertThat(identityService.checkPassword(user, "guess-" + i)).isFalse();
            }
            // Right after a failure the account waits, even with the right password...
            assertThat(identityService.checkPassword(user, user)).isFalse();
            // ...and once the delay (at most 60 s) is over, the right password works: no permanent lock.
            ClockUtil.setCurrentTime(new Date(now.getTime() + 61_000));
            assertThat(identityService.checkPassword(user, user)).isTrue();
        }
    }

    @Test
    void staffSignInsFromOneAddressBackOffWith429() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(restGet("nobody-" + i, "guess").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = restGet("qa", "qa");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 900L);
        fx.advance(Duration.ofSeconds(retryAfter + 1));
        assertThat(restGet("qa", "qa").statusCode()).isEqualTo(200);
    }

    @Test
    void supplierApiSignInBacksOffPerAccountWith429ProblemAndRetryAfter() throws Exception {
        Supplier s = fx.supplier("en");
        for (int i = 0; i < 4; i++) {
            mvc.perform(get("/api/me/proposals").with(httpBasic(s.getEmail(), "wrong password " + i)))
                    .andExpect(status().isUnauthorized());
        }
        MvcResult refused = mvc.perform(get("/api/me/proposals").with(httpBasic(s.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(header().exists("Retry-After"))
                .andReturn();
        long retryAfter = Long.parseLong(refused.getResponse().getHeader("Retry-After"));
        fx.advance(Duration.ofSeconds(retryAfter + 1));
        mvc.perform(get("/api/me/proposals").with(httpBasic(s.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void portalSignInBacksOffPerAccountWithAClearMessage() throws Exception {
        Supplier s = fx.supplier("fr");
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/sign-in")
                            .with(csrf())
                            .param("email", s.getEmail())
                            .param("password", "wrong " + i)
                            .param("lang", "fr"))
                    .andExpect(redirectedUrl("/fr/sign-in?error"));
        }
        mvc.perform(post("/sign-in")
                        .with(csrf())
                        .param("email", s.getEmail())
                        .param("password", Fixtures.PASSWORD)
                        .param("lang", "fr"))
                .andExpect(redirectedUrl("/fr/sign-in?throttled"));
        mvc.perform(get("/fr/sign-in").param("throttled", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Trop de tentatives de connexion")));
        fx.advance(Duration.ofMinutes(16));
        mvc.perform(post("/sign-in")
                        .with(csrf())
                        .param("email", s.getEmail())
                        .param("password", Fixtures.PASSWORD)
                        .param("lang", "fr"))
                .andExpect(redirectedUrl("/fr/my"));
    }

    // --- item 14: rate limits bypassed with percent-encoding; registration enumeration

    @Test
    void percentEncodedPathsAreRefusedInsteadOfSlippingPastTheRateLimits() throws Exception {
        HttpResponse<String> api = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/%73uppliers"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.body()).contains("percent-encodes");
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/en/%72egister"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("email=x%40example.com"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(400);
        // The first-admin setup cannot be reached that way either.
        HttpResponse<String> setup = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/camunda/api/admin/%73etup/" + ENGINE + "/user/create"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(setup.statusCode()).isEqualTo(400);
    }

    @Test
    void registeringAKnownAddressOnTheApiAnswersLikeANewRegistrationAndTellsTheOwner() throws Exception {
        String email = "hostile-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> first = register(email);
        HttpResponse<String> second = register(email.toUpperCase());
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        JsonNode a = json.readTree(first.body());
        JsonNode b = json.readTree(second.body());
        assertThat(a.fieldNames()).toIterable().containsExactly("id");
        assertThat(b.fieldNames()).toIterable().containsExactly("id");
        assertThat(b.get("id").asText()).isNotEqualTo(a.get("id").asText()).hasSize(36);
        assertThat(notifier.to(email)).extracting(Notification::kind).containsExactly("ACCOUNT_EXISTS");
    }

    // --- item 16: weak staff passwords, big bodies, resets that leave older links and sessions alive

    @Test
    void aOneLetterStaffPasswordIsRefusedAndStaffPasswordsAreHashedWithBCrypt() {
        User weak = identityService.newUser("hostile-weak");
        weak.setFirstName("Weak");
        weak.setLastName("Password");
        weak.setPassword("a");
        assertThatThrownBy(() -> identityService.saveUser(weak)).isInstanceOf(ProcessEngineException.class);
        assertThat(identityService.createUserQuery().userId("hostile-weak").count())
                .isZero();

        User strong = identityService.newUser("hostile-strong");
        strong.setFirstName("Strong");
        strong.setLastName("Password");
        strong.setPassword("Tr1cky-enough!pass");
        identityService.saveUser(strong);
        assertThat(storedHash("hostile-strong")).startsWith("{BCRYPT-SHA256}$2a$");
        assertThat(identityService.checkPassword("hostile-strong", "Tr1cky-enough!pass"))
                .isTrue();
        identityService.deleteUser("hostile-strong");
    }

    @Test
    void anOlderSha512StaffHashStillWorksAndIsUpgradedAtTheNextSignIn() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String salt = jdbc.queryForObject("select SALT_ from ACT_ID_USER where ID_ = ?", String.class, "cfob");
        String sha512 = "{SHA-512}" + new Sha512HashDigest().encrypt(EncryptionUtil.saltPassword("cfob", salt));
        jdbc.update("update ACT_ID_USER set PWD_ = ? where ID_ = ?", sha512, "cfob");
        assertThat(identityService.checkPassword("cfob", "cfob")).isTrue();
        assertThat(storedHash("cfob")).startsWith("{BCRYPT-SHA256}");
        assertThat(identityService.checkPassword("cfob", "cfob")).isTrue();
    }

    @Test
    void aThirtyMegabyteBodyIsRefusedWith413BeforeItIsRead() throws Exception {
        String answer = rawPost("/api/suppliers", "application/json", 30L * 1024 * 1024);
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("application/problem+json").contains("larger than this service accepts");
        assertThat(rawPost("/en/register", "application/x-www-form-urlencoded", 30L * 1024 * 1024))
                .startsWith("HTTP/1.1 413");
    }

    @Test
    void aStreamedBodyWithoutLengthIsCutAtTheLimit() throws Exception {
        byte[] big = ("{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/suppliers"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aPasswordResetVoidsOlderLinksAndEndsOpenSessions() throws Exception {
        Supplier s = fx.supplier("en");
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/sign-in")
                        .with(csrf())
                        .param("email", s.getEmail())
                        .param("password", Fixtures.PASSWORD)
                        .param("lang", "en"))
                .andExpect(redirectedUrl("/en/my"))
                .andReturn()
                .getRequest()
                .getSession(false);
        mvc.perform(get("/en/my").session(session)).andExpect(status().isOk());

        resets.requestReset(s.getEmail(), "en");
        resets.requestReset(s.getEmail(), "en");
        List<String> tokens = notifier.to(s.getEmail()).stream()
                .map(Notification::body)
                .map(TOKEN::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .toList();
        assertThat(tokens).hasSize(2);
        assertThat(resets.reset(tokens.get(1), "a brand new password")).isTrue();
        assertThat(resets.usable(tokens.get(0))).isFalse();
        assertThat(resets.reset(tokens.get(0), "the attacker's password")).isFalse();

        // The session signed in with the old password is over.
        mvc.perform(get("/en/my").session(session)).andExpect(redirectedUrl("/en/sign-in"));
        // The API's HTTP Basic takes only the new password.
        mvc.perform(get("/api/me/proposals").with(httpBasic(s.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me/proposals").with(httpBasic(s.getEmail(), "a brand new password")))
                .andExpect(status().isOk());
    }

    // --- helpers

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> restGet(String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + REST + "/process-definition"))
                        .header("Authorization", "Basic " + basic)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> register(String email) throws Exception {
        String body = json.writeValueAsString(Map.of(
                "email",
                email,
                "password",
                "long enough password",
                "displayName",
                "Hostile",
                "language",
                "en",
                "declarations",
                Map.of("ageOfMajority", true, "status", "CITIZEN", "canAcceptCardOrPayPal", true)));
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/suppliers"))
                        .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                        .header("X-Forwarded-For", "192.0.2.1")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String storedHash(String userId) {
        return new JdbcTemplate(dataSource)
                .queryForObject("select PWD_ from ACT_ID_USER where ID_ = ?", String.class, userId);
    }

    /** Declares a huge body, sends 64 KB of it, and reads the answer. */
    private String rawPost(String path, String contentType, long declared) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                            + "\r\nContent-Length: " + declared + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            StringBuilder answer = new StringBuilder();
            int n;
            while ((n = in.read(buffer)) > 0 && answer.length() < 4096) {
                answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                if (answer.indexOf("\r\n\r\n") > 0 && answer.indexOf("}") > 0) {
                    break;
                }
            }
            return answer.toString();
        }
    }
}
