package ca.gc.microacquisition.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gc.microacquisition.adapters.payment.sandbox.SandboxPayoutAccounts;
import ca.gc.microacquisition.payee.PayeeService;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.supplier.SupplierPrincipal;
import ca.gc.microacquisition.testsupport.DomainTest;
import ca.gc.microacquisition.testsupport.Fixtures;
import ca.gc.microacquisition.testsupport.Payouts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** "How you get paid" in the portal, the sandbox's onboarding page, and the payout readiness in the supplier API. */
@DomainTest
class PayoutPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fx;

    @Autowired
    PayeeService payees;

    @Autowired
    SandboxPayoutAccounts sandbox;

    static RequestPostProcessor as(Supplier s) {
        return user(new SupplierPrincipal(s.getId(), s.getEmail(), s.getPasswordHash()));
    }

    @Test
    void thePageNeedsASignedInSupplier_andIsBilingual() throws Exception {
        Supplier s = fx.supplierWithoutPayout("en");
        mvc.perform(get("/en/my/payouts")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/en/my/payouts").with(as(s)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>How you get paid</h1>")))
                .andExpect(content().string(containsString("Not ready: you cannot be paid yet.")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/fr/my/payouts").with(as(s)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"fr\"")))
                .andExpect(content().string(containsString("Comment vous êtes payé")))
                .andExpect(content().string(containsString("Pas prêt")));
    }

    @Test
    void settingUpTheConnectedAccountGoesThroughTheOnboardingAndBack() throws Exception {
        Supplier s = fx.supplierWithoutPayout("fr");
        mvc.perform(post("/fr/my/payouts/onboarding").with(as(s))).andExpect(status().isForbidden());
        String link = mvc.perform(post("/fr/my/payouts/onboarding").with(as(s)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(link).contains("/fr/sandbox/onboarding/");
        String path = "/fr/sandbox/onboarding/" + Payouts.token(link);
        String account = payees.readiness(s.getId()).accountId();
        assertThat(account).startsWith(SandboxPayoutAccounts.ACCOUNT_PREFIX);

        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(account)))
                .andExpect(content().string(containsString("Terminer l’inscription")));
        mvc.perform(post(path).param("action", "complete")).andExpect(status().isForbidden());
        mvc.perform(post(path).param("action", "complete").with(csrf()))
                .andExpect(redirectedUrl("/fr/my/payouts/return"));
        // The link is single use.
        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("a expiré ou a déjà servi")));

        mvc.perform(get("/fr/my/payouts/return").with(as(s))).andExpect(redirectedUrl("/fr/my/payouts?checked"));
        assertThat(payees.readiness(s.getId()).ready()).isTrue();
        mvc.perform(get("/fr/my/payouts").with(as(s))).andExpect(content().string(containsString("Prêt :")));
        // The same account is used again: no second one.
        mvc.perform(post("/fr/my/payouts/onboarding").with(as(s)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(payees.readiness(s.getId()).accountId()).isEqualTo(account);
    }

    @Test
    void leavingTheOnboardingKeepsTheSupplierNotReady() throws Exception {
        Supplier s = fx.supplierWithoutPayout("en");
        String link = payees.startOnboarding(s.getId(), Payouts.REFRESH, Payouts.RETURN);
        mvc.perform(post("/en/sandbox/onboarding/" + Payouts.token(link))
                        .param("action", "leave")
                        .with(csrf()))
                .andExpect(redirectedUrl("/en/my/payouts/return"));
        assertThat(payees.refresh(s.getId()).ready()).isFalse();
        assertThat(payees.readyForAward(s.getId())).isFalse();
    }

    @Test
    void theSandboxNeverSendsTheSupplierToAnotherSite() throws Exception {
        Supplier s = fx.supplierWithoutPayout("en");
        String link = payees.startOnboarding(s.getId(), "https://evil.example/x", "https://evil.example/phish?a=1");
        mvc.perform(post("/en/sandbox/onboarding/" + Payouts.token(link))
                        .param("action", "complete")
                        .with(csrf()))
                .andExpect(redirectedUrl("/phish?a=1"));
        mvc.perform(post("/en/sandbox/onboarding/" + "0".repeat(64))
                        .param("action", "complete")
                        .with(csrf()))
                .andExpect(redirectedUrl("/en/sandbox/onboarding/" + "0".repeat(64)));
    }

    @Test
    void payPalIsChosenWithAValidAddressOnly() throws Exception {
        Supplier s = fx.supplierWithoutPayout("en");
        mvc.perform(post("/en/my/payouts/paypal")
                        .param("paypalEmail", "not an address")
                        .with(as(s))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the e-mail address of your PayPal account")))
                .andExpect(content().string(containsString("aria-describedby=\"paypalEmail-error\"")));
        assertThat(payees.readiness(s.getId()).method()).isNull();

        mvc.perform(post("/en/my/payouts/paypal")
                        .param("paypalEmail", " Me@Example.com ")
                        .with(as(s))
                        .with(csrf()))
                .andExpect(redirectedUrl("/en/my/payouts?paypal"));
        assertThat(payees.readiness(s.getId())).satisfies(r -> {
            assertThat(r.method()).isEqualTo("PAYPAL");
            assertThat(r.ready()).isTrue();
            assertThat(r.paypalEmail()).isEqualTo("me@example.com");
        });
    }

    @Test
    void theApiShowsPayoutReadiness_andRefusesABadPayPalAddress() throws Exception {
        Supplier s = fx.supplierWithoutPayout("en");
        mvc.perform(get("/api/me/payout")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me/payout").with(httpBasic(s.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ready").value(false))
                .andExpect(jsonPath("$.method").doesNotExist());

        mvc.perform(put("/api/me/payout/paypal")
                        .with(httpBasic(s.getEmail(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"paypalEmail\":\"nope\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));

        mvc.perform(post("/api/me/payout/onboarding").with(httpBasic(s.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.onboardingUrl").value(containsString("/en/sandbox/onboarding/")))
                .andExpect(jsonPath("$.payout.accountId").value(containsString("acct_sandbox_")))
                .andExpect(jsonPath("$.payout.ready").value(false));

        Supplier ready = fx.supplier("fr");
        mvc.perform(get("/api/me/payout?refresh=true").with(httpBasic(ready.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ready").value(true))
                .andExpect(jsonPath("$.method").value("CONNECTED_ACCOUNT"))
                .andExpect(jsonPath("$.payoutsEnabled").value(true));
    }
}
