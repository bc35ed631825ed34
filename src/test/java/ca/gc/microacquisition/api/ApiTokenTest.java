package ca.gc.microacquisition.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gc.microacquisition.supplier.PasswordResetService;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.testsupport.DomainTest;
import ca.gc.microacquisition.testsupport.Fixtures;
import ca.gc.microacquisition.testsupport.InMemoryNotifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@DomainTest
class ApiTokenTest {

    static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fx;

    @Autowired
    ObjectMapper json;

    @Autowired
    PasswordResetService resets;

    @Autowired
    InMemoryNotifier notifier;

    @BeforeEach
    void setUp() {
        fx.reset();
    }

    @Test
    void aTokenIssuedAfterThePasswordSignsInLaterCallsWithoutThePassword() throws Exception {
        Supplier s = fx.supplier("en");
        JsonNode issued =
                json.readTree(mvc.perform(post("/api/tokens").with(httpBasic(s.getEmail(), Fixtures.PASSWORD)))
                        .andExpect(status().isCreated())
                        .andExpect(header().string("Cache-Control", containsString("no-store")))
                        .andExpect(jsonPath("$.token").value(matchesPattern("ma_[A-Za-z0-9_-]{43}")))
                        .andExpect(jsonPath("$.tokenType").value("Bearer"))
                        .andExpect(jsonPath("$.expiresIn").value(8 * 3600))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(OffsetDateTime.parse(issued.get("expiresAt").asText()).toInstant())
                .isEqualTo(fx.clock.instant().plus(Duration.ofHours(8)));
        String token = issued.get("token").asText();

        mvc.perform(get("/api/me/contracts").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(get("/api/me/proposals").header("Authorization", "bearer " + token))
                .andExpect(status().isOk());
        // HTTP Basic keeps working as before
        mvc.perform(get("/api/me/contracts").with(httpBasic(s.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
        // every token is new
        assertThat(issue(s)).isNotEqualTo(token);
    }

    @Test
    void aWrongPasswordGetsNoTokenAndAWrongOrAbsentTokenIsA401Problem() throws Exception {
        Supplier s = fx.supplier("en");
        problem(mvc.perform(post("/api/tokens").with(httpBasic(s.getEmail(), "not the password"))))
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")));
        problem(mvc.perform(post("/api/tokens")));
        problem(mvc.perform(get("/api/me/contracts")))
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")));
        String unknown = "ma_" + "A".repeat(43);
        for (String bad : new String[] {unknown, "not-a-token", "", issue(s) + "x"}) {
            problem(mvc.perform(get("/api/me/contracts").header("Authorization", "Bearer " + bad)))
                    .andExpect(header().string("WWW-Authenticate", containsString("error=\"invalid_token\"")));
        }
        // a bad token is refused even where no sign-in is needed: the client must learn its token is bad
        problem(mvc.perform(get("/api/opportunities").header("Authorization", "Bearer " + unknown)));
    }

    @Test
    void aTokenStopsWorkingWhenItExpires() throws Exception {
        Supplier s = fx.supplier("en");
        String token = issue(s);
        fx.advance(Duration.ofHours(8).minusSeconds(1));
        mvc.perform(get("/api/me/contracts").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        fx.advance(Duration.ofSeconds(1));
        problem(mvc.perform(get("/api/me/contracts").header("Authorization", "Bearer " + token)));
    }

    @Test
    void aPasswordResetRevokesEveryTokenOfTheSupplier() throws Exception {
        Supplier s = fx.supplier("en");
        Supplier other = fx.supplier("en");
        String first = issue(s);
        String second = issue(s);
        String others = issue(other);
        notifier.clear();
        resets.requestReset(s.getEmail(), "en");
        String link = notifier.to(s.getEmail()).get(0).body().replaceAll("(?s).*token=([0-9a-f]{64}).*", "$1");
        assertThat(resets.reset(link, "a brand new passphrase")).isTrue();

        for (String token : new String[] {first, second}) {
            problem(mvc.perform(get("/api/me/contracts").header("Authorization", "Bearer " + token)));
        }
        mvc.perform(get("/api/me/contracts").header("Authorization", "Bearer " + others))
                .andExpect(status().isOk());
        // the new password gets a new token that works
        String renewed = json.readTree(
                        mvc.perform(post("/api/tokens").with(httpBasic(s.getEmail(), "a brand new passphrase")))
                                .andExpect(status().isCreated())
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                .get("token")
                .asText();
        mvc.perform(get("/api/me/contracts").header("Authorization", "Bearer " + renewed))
                .andExpect(status().isOk());
    }

    @Test
    void signingOutRevokesTheTokenAndATokenCannotRenewItself() throws Exception {
        Supplier s = fx.supplier("en");
        String token = issue(s);
        String kept = issue(s);
        problem(mvc.perform(post("/api/tokens").header("Authorization", "Bearer " + token)), 403);
        problem(mvc.perform(delete("/api/tokens/current").with(httpBasic(s.getEmail(), Fixtures.PASSWORD))), 409);

        mvc.perform(delete("/api/tokens/current").header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        problem(mvc.perform(get("/api/me/contracts").header("Authorization", "Bearer " + token)));
        mvc.perform(get("/api/me/contracts").header("Authorization", "Bearer " + kept))
                .andExpect(status().isOk());

        mvc.perform(delete("/api/tokens").header("Authorization", "Bearer " + kept))
                .andExpect(status().isNoContent());
        problem(mvc.perform(get("/api/me/contracts").header("Authorization", "Bearer " + kept)));
    }

    private String issue(Supplier s) throws Exception {
        return json.readTree(mvc.perform(post("/api/tokens").with(httpBasic(s.getEmail(), Fixtures.PASSWORD)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("token")
                .asText();
    }

    private static ResultActions problem(ResultActions result) throws Exception {
        return problem(result, 401);
    }

    private static ResultActions problem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").isString());
    }
}
