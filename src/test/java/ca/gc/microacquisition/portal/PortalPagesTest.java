package ca.gc.microacquisition.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.RequestDetails;
import ca.gc.microacquisition.proposal.ProposalStatus;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.supplier.SupplierPrincipal;
import ca.gc.microacquisition.testsupport.Awarded;
import ca.gc.microacquisition.testsupport.DomainTest;
import ca.gc.microacquisition.testsupport.Fixtures;
import ca.gc.microacquisition.testsupport.InMemoryNotifier;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@DomainTest
class PortalPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fx;

    @Autowired
    InMemoryNotifier notifier;

    String team;

    @BeforeEach
    void setUp() {
        fx.reset();
        team = "Team " + UUID.randomUUID();
    }

    /** A fresh client address per request, so that rate limits of other tests do not interfere. */
    static RequestPostProcessor anyAddress() {
        return request -> {
            request.setRemoteAddr("10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "."
                    + (int) (Math.random() * 250));
            return request;
        };
    }

    static RequestPostProcessor as(Supplier s) {
        return user(new SupplierPrincipal(s.getId(), s.getEmail(), s.getPasswordHash()));
    }

    Opportunity bilingual(String title) {
        RequestDetails en = fx.request(team);
        return fx.opportunities.registerRequest(new RequestDetails(
                title,
                en.summary(),
                en.workDescription(),
                en.acceptanceCriteria(),
                en.evaluationCriteria(),
                en.skills(),
                en.estimatedValue(),
                en.securityClassification(),
                en.remoteWork(),
                en.repositoryUrl(),
                en.license(),
                en.containsPersonalInformation(),
                en.proposalDeadline(),
                en.deliveryDays(),
                en.department(),
                en.team(),
                en.requester(),
                "Corriger l’accessibilité du formulaire",
                "Le formulaire échoue aux tests.",
                "Tous les tests axe-core réussissent\nLa navigation au clavier fonctionne",
                "A déjà livré des formulaires accessibles\nSait écrire des tests d’accessibilité",
                false));
    }

    // --- public pages

    @Test
    void rootGoesToTheEnglishList() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/en/"));
    }

    @Test
    void listShowsOpenOpportunitiesFirstAndPastOnesCollapsedButNeverDraftsOrTests() throws Exception {
        Opportunity open = fx.open(team);
        Opportunity draft = fx.registered(team);
        Opportunity cancelled = fx.open(team);
        fx.opportunities.cancel(cancelled.getId(), "Withdrawn", "requester");
        Opportunity test = testOpportunity();

        String page = mvc.perform(get("/en/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(containsString("<details>")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(open.getReference(), cancelled.getReference())
                .doesNotContain(draft.getReference(), test.getReference());
        assertThat(page.indexOf(open.getReference())).isLessThan(page.indexOf("<details>"));
        assertThat(page.indexOf(cancelled.getReference())).isGreaterThan(page.indexOf("<details>"));
        assertThat(page).contains("href=\"/fr/\"", "lang=\"fr\"");
    }

    Opportunity testOpportunity() {
        RequestDetails en = fx.request(team);
        Opportunity t = fx.opportunities.registerRequest(new RequestDetails(
                "A test opportunity only",
                en.summary(),
                en.workDescription(),
                en.acceptanceCriteria(),
                en.evaluationCriteria(),
                en.skills(),
                en.estimatedValue(),
                en.securityClassification(),
                en.remoteWork(),
                en.repositoryUrl(),
                en.license(),
                en.containsPersonalInformation(),
                en.proposalDeadline(),
                en.deliveryDays(),
                en.department(),
                en.team(),
                en.requester(),
                null,
                null,
                null,
                null,
                true));
        fx.opportunities.publish(t.getId());
        return t;
    }

    @Test
    void testOpportunitiesAreHiddenFromPagesApiAndFeed() throws Exception {
        Opportunity test = testOpportunity();
        mvc.perform(get("/en/opportunities/" + test.getReference())).andExpect(status().isNotFound());
        mvc.perform(get("/api/opportunities/" + test.getReference())).andExpect(status().isNotFound());
        mvc.perform(get("/api/opportunities?status=all"))
                .andExpect(content().string(not(containsString(test.getReference()))));
        mvc.perform(get("/opportunities.atom")).andExpect(content().string(not(containsString(test.getReference()))));
    }

    @Test
    void detailShowsAcceptanceBeforeEvaluationWithPriceDeadlineZoneLicenceAndAnsweredQuestions() throws Exception {
        Opportunity o = fx.open(team);
        Supplier s = fx.supplier("en");
        var q = fx.questions.askQuestion(o.getReference(), s.getId(), "Is a screen reader test needed?");
        fx.questions.askQuestion(o.getReference(), s.getId(), "This one stays unanswered?");
        fx.questions.answerQuestion(q.getId(), "Yes, with NVDA.", "requester");

        String page = mvc.perform(get("/en/opportunities/" + o.getReference()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "$8,500.00",
                        "MIT",
                        "local://demo/widgets",
                        "EDT",
                        "2026-03-09T11:00-04:00",
                        "Is a screen reader test needed?",
                        "Yes, with NVDA.",
                        "Send a proposal")
                .doesNotContain("This one stays unanswered?");
        assertThat(page.indexOf("Work acceptance criteria")).isLessThan(page.indexOf("Application evaluation"));
        assertThat(page).contains("href=\"/fr/opportunities/" + o.getReference() + "\"");
    }

    @Test
    void frenchPagesShowTheFrenchTextWhenThereIsOneAndMarkEnglishTextOtherwise() throws Exception {
        Opportunity bilingual = bilingual("Fix the accessibility of the login form");
        fx.opportunities.publish(bilingual.getId());
        Opportunity english = fx.open(team);

        String page = mvc.perform(get("/fr/opportunities/" + bilingual.getReference()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"fr\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "Corriger l’accessibilité du formulaire",
                        "8\u00a0500,00\u00a0$",
                        "Critères d’acceptation du travail",
                        "Sait écrire des tests d’accessibilité",
                        "HAE")
                .doesNotContain("Fix the accessibility of the login form</h1>");
        String other = mvc.perform(get("/fr/opportunities/" + english.getReference()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(other).contains("<h1 lang=\"en\">Fix the accessibility of the login form</h1>");
    }

    @Test
    void titlesWithMarkupAreShownAsText() throws Exception {
        Opportunity o = bilingual("<script>alert('x')</script> widget");
        fx.opportunities.publish(o.getId());
        for (String path : List.of("/en/", "/en/opportunities/" + o.getReference())) {
            mvc.perform(get(path))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("<script>alert"))))
                    .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")));
        }
        mvc.perform(get("/opportunities.atom"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(containsString("&lt;script&gt;")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void informationPagesExistInBothLanguages(String lang) throws Exception {
        for (String page : List.of(
                "terms", "eligibility", "how-it-works", "register", "sign-in", "password-reset", "subscriptions")) {
            mvc.perform(get("/" + lang + "/" + page))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("<html lang=\"" + lang + "\"")))
                    .andExpect(content().string(containsString("<main id=\"main\"")))
                    .andExpect(content().string(not(containsString("??"))));
        }
    }

    @Test
    void unknownOpportunityAndUnknownPageAreNotFoundPagesInTheirLanguage() throws Exception {
        mvc.perform(get("/fr/opportunities/MA-1999-9999"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Page introuvable")));
        mvc.perform(get("/en/opportunities/MA-1999-9999"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Page not found")));
    }

    @Test
    void headersProtectThePages() throws Exception {
        mvc.perform(get("/en/"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    // --- feed

    @Test
    void atomFeedListsPostedOpportunitiesInEitherLanguage() throws Exception {
        Opportunity o = bilingual("Fix the accessibility of the login form");
        fx.opportunities.publish(o.getId());
        mvc.perform(get("/opportunities.atom"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/atom+xml")))
                .andExpect(content().string(containsString("<feed xmlns=\"http://www.w3.org/2005/Atom\"")))
                .andExpect(content().string(containsString("/en/opportunities/" + o.getReference())));
        mvc.perform(get("/opportunities.atom").param("lang", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Corriger l’accessibilité du formulaire")))
                .andExpect(content().string(containsString("/fr/opportunities/" + o.getReference())));
    }

    // --- registration and sign-in

    @Test
    void registersASupplierAndSendsToSignIn() throws Exception {
        String email = "new-" + UUID.randomUUID() + "@example.com";
        mvc.perform(post("/fr/register")
                        .with(csrf())
                        .with(anyAddress())
                        .param("email", email)
                        .param("password", Fixtures.PASSWORD)
                        .param("displayName", "Atelier Tremblay")
                        .param("language", "fr")
                        .param("ageOfMajority", "true")
                        .param("status", "CITIZEN")
                        .param("canAcceptCardOrPayPal", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/fr/sign-in?registered"));
        assertThat(fx.suppliers.exists(email)).isTrue();
    }

    @Test
    void registrationProblemsAreListedAtTheTopAndNextToEachFieldInThePageLanguage() throws Exception {
        String page = mvc.perform(post("/fr/register")
                        .with(csrf())
                        .with(anyAddress())
                        .param("email", "not-an-email")
                        .param("password", "short")
                        .param("displayName", "")
                        .param("language", "fr"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "class=\"error-summary\"",
                        "href=\"#email\"",
                        "href=\"#password\"",
                        "Entrez une adresse courriel comme nom@exemple.ca.",
                        "aria-describedby=\"email-error\"",
                        "id=\"email-error\"",
                        "Vous devez avoir atteint l’âge de la majorité");
    }

    @Test
    void registeringAnExistingAddressAnswersTheSameAndTellsTheOwner() throws Exception {
        Supplier s = fx.supplier("en");
        notifier.clear();
        mvc.perform(post("/en/register")
                        .with(csrf())
                        .with(anyAddress())
                        .param("email", s.getEmail())
                        .param("password", Fixtures.PASSWORD)
                        .param("displayName", "Someone")
                        .param("language", "en")
                        .param("ageOfMajority", "true")
                        .param("status", "CITIZEN")
                        .param("canAcceptCardOrPayPal", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/en/sign-in?registered"));
        assertThat(notifier.to(s.getEmail())).extracting(n -> n.kind()).containsExactly("ACCOUNT_EXISTS");
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/en/register").with(anyAddress()).param("email", "x@example.com"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/en/subscriptions").with(anyAddress()).param("email", "x@example.com"))
                .andExpect(status().isForbidden());
    }

    @Test
    void signInFailureIsTheSameMessageWhetherOrNotTheAccountExists() throws Exception {
        Supplier s = fx.supplier("en");
        mvc.perform(post("/sign-in")
                        .with(csrf())
                        .param("email", s.getEmail())
                        .param("password", "wrong password!")
                        .param("lang", "fr"))
                .andExpect(redirectedUrl("/fr/sign-in?error"));
        mvc.perform(post("/sign-in")
                        .with(csrf())
                        .param("email", "nobody-" + UUID.randomUUID() + "@example.com")
                        .param("password", "wrong password!")
                        .param("lang", "fr"))
                .andExpect(redirectedUrl("/fr/sign-in?error"));
        mvc.perform(get("/fr/sign-in").param("error", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("L’adresse courriel ou le mot de passe n’est pas exact.")));
        mvc.perform(post("/sign-in")
                        .with(csrf())
                        .param("email", s.getEmail())
                        .param("password", Fixtures.PASSWORD)
                        .param("lang", "en"))
                .andExpect(redirectedUrl("/en/my"));
    }

    @Test
    void supplierPagesNeedASignedInSupplier() throws Exception {
        Opportunity o = fx.open(team);
        mvc.perform(get("/fr/my")).andExpect(redirectedUrl("/fr/sign-in"));
        mvc.perform(get("/en/opportunities/" + o.getReference() + "/propose")).andExpect(redirectedUrl("/en/sign-in"));
    }

    @Test
    void passwordResetAnswersTheSameWhetherOrNotTheAddressExistsAndTheLinkWorksOnce() throws Exception {
        Supplier s = fx.supplier("fr");
        notifier.clear();
        String known = mvc.perform(post("/en/password-reset")
                        .with(csrf())
                        .with(anyAddress())
                        .param("email", s.getEmail()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String unknown = mvc.perform(post("/en/password-reset")
                        .with(csrf())
                        .with(anyAddress())
                        .param("email", "nobody-" + UUID.randomUUID() + "@example.com"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(known).isEqualTo(unknown);
        var mail = notifier.to(s.getEmail());
        assertThat(mail).singleElement().satisfies(n -> assertThat(n.language()).isEqualTo("fr"));
        String token = mail.get(0).body().replaceAll("(?s).*token=([0-9a-f]{64}).*", "$1");

        mvc.perform(post("/fr/password-reset/new")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("au moins 12 caractères")));
        mvc.perform(post("/fr/password-reset/new")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "a brand new passphrase"))
                .andExpect(redirectedUrl("/fr/sign-in?reset"));
        mvc.perform(post("/fr/password-reset/new")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "another new passphrase"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ce lien ne fonctionne plus")));
        mvc.perform(post("/sign-in")
                        .with(csrf())
                        .param("email", s.getEmail())
                        .param("password", "a brand new passphrase")
                        .param("lang", "fr"))
                .andExpect(redirectedUrl("/fr/my"));
    }

    // --- questions

    @Test
    void aSupplierAsksAQuestionAndBadQuestionsAreExplained() throws Exception {
        Opportunity o = fx.open(team);
        Supplier s = fx.supplier("en");
        mvc.perform(get("/fr/opportunities/" + o.getReference() + "/questions").with(as(s)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Poser une question")));
        mvc.perform(post("/fr/opportunities/" + o.getReference() + "/questions")
                        .with(as(s))
                        .with(csrf())
                        .with(anyAddress())
                        .param("question", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("de 10 à 2\u00a0000 caractères")));
        mvc.perform(post("/en/opportunities/" + o.getReference() + "/questions")
                        .with(as(s))
                        .with(csrf())
                        .with(anyAddress())
                        .param("question", "Which browsers must be supported?"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your question was sent.")));
        assertThat(fx.questions.questions(o.getId()))
                .extracting(q -> q.getQuestion())
                .contains("Which browsers must be supported?");
    }

    // --- proposals

    @Test
    void proposalFormSavesADraftThenSendsThroughTheDomain() throws Exception {
        Opportunity o = fx.open(team);
        Supplier s = fx.supplier("fr");
        String path = "/fr/opportunities/" + o.getReference() + "/propose";
        mvc.perform(get(path).with(as(s)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Auto-identification volontaire")))
                .andExpect(content().string(containsString("datetime=\"2026-03-09T11:00-04:00\"")));

        mvc.perform(post(path).with(as(s)).with(csrf()).param("action", "draft").param("statement-C1", "Mon brouillon"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ébauche enregistrée")));
        mvc.perform(get(path).with(as(s))).andExpect(content().string(containsString("Mon brouillon")));

        String refused = mvc.perform(post(path)
                        .with(as(s))
                        .with(csrf())
                        .param("action", "submit")
                        .param("statement-C1", "J’ai livré trois formulaires accessibles."))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused)
                .contains(
                        "href=\"#statement-C2\"",
                        "Rédigez votre énoncé pour le critère C2.",
                        "href=\"#acceptTerms\"",
                        "href=\"#declarationsConfirmed\"");
        assertThat(fx.proposals.forSupplier(s.getId())).isEmpty();

        mvc.perform(post(path)
                        .with(as(s))
                        .with(csrf())
                        .param("action", "submit")
                        .param("statement-C1", "J’ai livré trois formulaires accessibles.")
                        .param("statement-C2", "J’écris des tests axe-core.")
                        .param("declarationsConfirmed", "true")
                        .param("acceptTerms", "true")
                        .param("region", "QC")
                        .param("groups", "WOMEN"))
                .andExpect(status().is3xxRedirection());
        assertThat(fx.proposals.forSupplier(s.getId()))
                .singleElement()
                .satisfies(p -> assertThat(p.getStatus()).isEqualTo(ProposalStatus.SUBMITTED));
        mvc.perform(get("/fr/my").with(as(s)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Reçue, en attente d’évaluation")));
    }

    @Test
    void lateProposalIsRefusedWithAClearMessage() throws Exception {
        Opportunity o = fx.open(team);
        Supplier s = fx.supplier("en");
        fx.clock.set(o.getProposalDeadline().toInstant());
        mvc.perform(get("/en/opportunities/" + o.getReference() + "/propose").with(as(s)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("does not accept proposals any more")));
    }

    // --- my contracts, debrief, delivery

    @Test
    void winnerSeesTheContractAndDeliversAndTheOtherSeesItsDebrief() throws Exception {
        Awarded aw = fx.awarded(team);
        String my = mvc.perform(get("/en/my").with(as(aw.winner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(my)
                .contains(
                        "Waiting for your delivery",
                        "/en/contracts/" + aw.contract().getId() + "/delivery");
        String other = mvc.perform(
                        get("/" + aw.runnerUp().getLanguage() + "/my").with(as(aw.runnerUp())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(other).contains(aw.opportunity().getReference(), "class=\"pre\"");

        String path = "/en/contracts/" + aw.contract().getId() + "/delivery";
        mvc.perform(get(path).with(as(aw.runnerUp()))).andExpect(status().isNotFound());
        mvc.perform(post(path).with(as(aw.winner())).with(csrf()).param("pullRequestUrl", "https://example.com/x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#pullRequestUrl\"")));
        mvc.perform(post(path)
                        .with(as(aw.winner()))
                        .with(csrf())
                        .param("pullRequestUrl", aw.opportunity().getRepositoryUrl() + "/pull/fix-login"))
                .andExpect(redirectedUrl("/en/my?delivered"));
        assertThat(fx.contracts.deliveries(aw.contract().getId())).hasSize(1);
    }

    // --- subscriptions (pages)

    @Test
    void subscriptionPageValidatesAndAnswersTheSameForEveryAddress() throws Exception {
        mvc.perform(post("/fr/subscriptions").with(csrf()).with(anyAddress()).param("email", "nope"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#email\"")));
        mvc.perform(post("/fr/subscriptions")
                        .with(csrf())
                        .with(anyAddress())
                        .param("email", "sub-" + UUID.randomUUID() + "@example.com"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Consultez votre courriel")));
    }

    // --- rate limits

    @Test
    void tooManyRegistrationsFromOneAddressGet429() throws Exception {
        RequestPostProcessor fixed = request -> {
            request.setRemoteAddr("192.0.2.77");
            return request;
        };
        int limit = 60;
        for (int i = 0; i < limit; i++) {
            mvc.perform(post("/en/register").with(csrf()).with(fixed).param("email", "bad"))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/en/register").with(csrf()).with(fixed).param("email", "bad"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("Too many attempts")));
        mvc.perform(post("/api/suppliers")
                        .with(fixed)
                        .contentType("application/json")
                        .content("{}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    static MockHttpServletRequestBuilder page(String path) {
        return get(path);
    }
}
