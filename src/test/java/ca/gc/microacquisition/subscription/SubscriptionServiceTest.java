package ca.gc.microacquisition.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gc.microacquisition.common.DomainValidationException;
import ca.gc.microacquisition.notification.Notification;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.testsupport.DomainTest;
import ca.gc.microacquisition.testsupport.Fixtures;
import ca.gc.microacquisition.testsupport.InMemoryNotifier;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@DomainTest
class SubscriptionServiceTest {

    @Autowired
    SubscriptionService subscriptions;

    @Autowired
    Fixtures fx;

    @Autowired
    InMemoryNotifier notifier;

    @Autowired
    MockMvc mvc;

    String email;

    @BeforeEach
    void setUp() {
        fx.reset();
        email = "sub-" + UUID.randomUUID() + "@example.com";
    }

    private String token(Notification n) {
        return n.body().replaceAll("(?s).*token=([0-9a-f]{64}).*", "$1");
    }

    @Test
    void doubleOptInThenEveryNewOpportunityInTheSubscribersLanguageWithAnUnsubscribeLink() {
        subscriptions.subscribe(email, "fr");
        Notification confirm = notifier.to(email).get(0);
        assertThat(confirm.kind()).isEqualTo(SubscriptionService.KIND_CONFIRM);
        assertThat(confirm.language()).isEqualTo("fr");
        assertThat(confirm.body()).contains("/fr/subscriptions/confirm?token=");

        Opportunity before = fx.open("Team " + UUID.randomUUID());
        assertThat(notifier.to(email)).hasSize(1);

        assertThat(subscriptions.confirm(token(confirm))).isTrue();
        Opportunity posted = fx.open("Team " + UUID.randomUUID());
        assertThat(notifier.to(email)).hasSize(2);
        Notification news = notifier.to(email).get(1);
        assertThat(news.kind()).isEqualTo(SubscriptionService.KIND_NEW_OPPORTUNITY);
        assertThat(news.reference()).isEqualTo(posted.getReference());
        assertThat(news.subject()).startsWith("Nouvelle occasion");
        assertThat(news.body())
                .contains(
                        "/fr/opportunities/" + posted.getReference(),
                        "8\u00a0500,00\u00a0$",
                        "/fr/subscriptions/unsubscribe?token=");
        assertThat(before.getReference()).isNotEqualTo(posted.getReference());

        assertThat(subscriptions.unsubscribe(token(news))).isTrue();
        fx.open("Team " + UUID.randomUUID());
        assertThat(notifier.to(email)).hasSize(2);
    }

    @Test
    void repostsAndTestOpportunitiesAreNotAnnounced() {
        subscriptions.subscribe(email, "en");
        subscriptions.confirm(token(notifier.to(email).get(0)));
        Opportunity o = fx.open("Team " + UUID.randomUUID());
        int count = notifier.to(email).size();
        fx.closeProposals(o);
        fx.opportunities.repost(o.getId(), fx.now().plusDays(5).toString());
        assertThat(notifier.to(email)).hasSize(count);
    }

    @Test
    void subscribingAgainAnswersTheSameAndAConfirmedAddressGetsNoNewMail() {
        subscriptions.subscribe(email, "en");
        subscriptions.confirm(token(notifier.to(email).get(0)));
        subscriptions.subscribe(email.toUpperCase(), "en");
        assertThat(notifier.to(email)).hasSize(1);
    }

    @Test
    void badInputAndBadLinks() {
        assertThatThrownBy(() -> subscriptions.subscribe("nope", "de"))
                .isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("email")
                .hasMessageContaining("language");
        assertThat(subscriptions.confirm("not-a-token")).isFalse();
        assertThat(subscriptions.unsubscribe("0".repeat(64))).isFalse();
    }

    @Test
    void apiAcceptsASubscriptionAndExplainsBadInput() throws Exception {
        mvc.perform(post("/api/subscriptions")
                        .contentType("application/json")
                        .content("{\"email\":\"" + email + "\",\"language\":\"fr\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("CONFIRMATION_SENT"));
        assertThat(notifier.to(email)).hasSize(1);
        mvc.perform(post("/api/subscriptions").contentType("application/json").content("{\"email\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
    }

    @Test
    void confirmAndOneClickUnsubscribePages() throws Exception {
        subscriptions.subscribe(email, "en");
        String token = token(notifier.to(email).get(0));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/en/subscriptions/confirm")
                        .param("token", token))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Subscription confirmed")));
        // A mail client's one-click POST (RFC 8058) carries no CSRF token.
        mvc.perform(post("/en/subscriptions/unsubscribe").param("token", token).param("List-Unsubscribe", "One-Click"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("You are unsubscribed")));
    }
}
