package ca.gc.microacquisition.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.testsupport.Awarded;
import ca.gc.microacquisition.testsupport.DomainTest;
import ca.gc.microacquisition.testsupport.Fixtures;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@DomainTest
class SupplierApiTest {

    static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fx;

    String team;

    @BeforeEach
    void setUp() {
        fx.reset();
        team = "Team " + UUID.randomUUID();
    }

    // --- opportunities (public)

    @Test
    void listsOpenOpportunitiesAndWithStatusAllThePastOnesButNeverDrafts() throws Exception {
        Opportunity open = fx.open(team);
        Opportunity draft = fx.registered(team);
        Opportunity cancelled = fx.open(team);
        fx.opportunities.cancel(cancelled.getId(), "Withdrawn", "requester");

        mvc.perform(get("/api/opportunities"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].ref", hasItem(open.getReference())))
                .andExpect(jsonPath("$[*].ref", not(hasItem(cancelled.getReference()))))
                .andExpect(jsonPath("$[*].ref", not(hasItem(draft.getReference()))));
        mvc.perform(get("/api/opportunities").param("status", "all"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].ref", hasItem(cancelled.getReference())))
                .andExpect(jsonPath("$[*].ref", not(hasItem(draft.getReference()))));
        problem(mvc.perform(get("/api/opportunities").param("status", "bogus")), 400)
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void showsOneOpportunityWithTheContractFieldsAndAnsweredQuestionsOnly() throws Exception {
        Opportunity o = fx.open(team);
        Supplier s = fx.supplier("en");
        var q = fx.questions.askQuestion(o.getReference(), s.getId(), "Is a screen reader test needed?");
        fx.questions.askQuestion(o.getReference(), s.getId(), "This one stays unanswered?");
        fx.questions.answerQuestion(q.getId(), "Yes, with NVDA.", "requester");

        mvc.perform(get("/api/opportunities/" + o.getReference()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ref").value(o.getReference()))
                .andExpect(jsonPath("$.title").value(o.getTitle()))
                .andExpect(jsonPath("$.summary").value(o.getSummary()))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.price").value("8500.00"))
                .andExpect(jsonPath("$.currency").value("CAD"))
                .andExpect(jsonPath("$.proposalDeadline").value("2026-03-09T11:00:00-04:00"))
                .andExpect(jsonPath("$.deliveryDays").value(10))
                .andExpect(jsonPath("$.skills").value("HTML, ARIA, JavaScript"))
                .andExpect(jsonPath("$.licence").value("MIT"))
                .andExpect(jsonPath("$.repositoryUrl").value("local://demo/widgets"))
                .andExpect(jsonPath("$.acceptanceCriteria").exists())
                .andExpect(jsonPath("$.evaluationCriteria[0].id").value("C1"))
                .andExpect(jsonPath("$.evaluationCriteria[1].text").value("Can write automated accessibility tests"))
                .andExpect(jsonPath("$.questions", hasSize(1)))
                .andExpect(jsonPath("$.questions[0].question").value("Is a screen reader test needed?"))
                .andExpect(jsonPath("$.questions[0].answer").value("Yes, with NVDA."));
    }

    @Test
    void unknownOrUnpostedReferencesAreNotFound() throws Exception {
        problem(mvc.perform(get("/api/opportunities/MA-1999-0001")), 404);
        problem(mvc.perform(get("/api/opportunities/" + fx.registered(team).getReference())), 404);
    }

    // --- suppliers

    @Test
    void registersASupplier() throws Exception {
        String email = "new-" + UUID.randomUUID() + "@Example.com";
        mvc.perform(post("/api/suppliers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registration(email)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isString());
        // The same address again answers like a new registration (no account enumeration).
        mvc.perform(post("/api/suppliers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registration(email.toLowerCase())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isString());
    }

    @Test
    void registrationRefusesBadInputWithAProblemPerField() throws Exception {
        problem(
                        mvc.perform(post("/api/suppliers")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"email\":\"not-an-email\",\"password\":\"short\",\"language\":\"de\"}")),
                        400)
                .andExpect(jsonPath("$.errors[*].field", hasItem("email")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("password")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("displayName")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("language")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("declarations")))
                .andExpect(jsonPath("$.detail", containsString("The registration has 5 problems")));
        problem(
                mvc.perform(post("/api/suppliers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"a@b.ca\", ")),
                400);
        problem(
                        mvc.perform(post("/api/suppliers")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(registration("x@example.com")
                                        .replace("\"ageOfMajority\":true", "\"ageOfMajority\":\"yes\""))),
                        400)
                .andExpect(jsonPath("$.errors[0].field").value("declarations.ageOfMajority"));
        problem(
                        mvc.perform(post("/api/suppliers")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(registration("x@example.com")
                                        .replace("\"status\":\"CITIZEN\"", "\"status\":\"TOURIST\""))),
                        400)
                .andExpect(jsonPath("$.errors[0].field").value("declarations.status"));
        problem(
                mvc.perform(post("/api/suppliers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("")),
                400);
        problem(
                mvc.perform(post("/api/suppliers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[1,2]")),
                400);
        problem(
                mvc.perform(
                        post("/api/suppliers").contentType(MediaType.TEXT_PLAIN).content("hello")),
                415);
    }

    // --- proposals

    @Test
    void submitsAProposalOnceBeforeTheDeadline() throws Exception {
        Opportunity o = fx.open(team);
        Supplier s = fx.supplier("en");

        mvc.perform(as(s, post("/api/opportunities/" + o.getReference() + "/proposals"))
                        .content(proposal(true)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        problem(
                mvc.perform(as(s, post("/api/opportunities/" + o.getReference() + "/proposals"))
                        .content(proposal(true))),
                409);

        fx.clock.set(o.getProposalDeadline().toInstant());
        problem(
                        mvc.perform(as(fx.supplier("en"), post("/api/opportunities/" + o.getReference() + "/proposals"))
                                .content(proposal(true))),
                        409)
                .andExpect(jsonPath("$.detail", containsString("deadline")));
    }

    @Test
    void proposalBadInputIsRefusedClearly() throws Exception {
        Opportunity o = fx.open(team);
        Supplier s = fx.supplier("en");
        String path = "/api/opportunities/" + o.getReference() + "/proposals";

        problem(mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(proposal(true))), 401);
        problem(
                mvc.perform(post(path)
                        .with(httpBasic(s.getEmail(), "wrong password!!"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(proposal(true))),
                401);
        problem(mvc.perform(as(s, post(path)).content(proposal(false))), 400)
                .andExpect(jsonPath("$.errors[0].field").value("acceptTerms"));
        problem(
                        mvc.perform(as(s, post(path))
                                .content("{\"statements\":[{\"criterionId\":\"C1\",\"text\":\"x\"}],"
                                        + "\"acceptTerms\":true}")),
                        400)
                .andExpect(jsonPath("$.errors[0].field").value("statements"))
                .andExpect(jsonPath("$.errors[0].message", containsString("C2")));
        problem(mvc.perform(as(s, post(path)).content("{\"statements\":\"none\",\"acceptTerms\":true}")), 400)
                .andExpect(jsonPath("$.errors[0].field").value("statements"));
        problem(mvc.perform(as(s, post(path)).content("{\"statements\":[], \"acceptTerms\": maybe}")), 400);
        problem(
                mvc.perform(
                        as(s, post("/api/opportunities/MA-1999-0001/proposals")).content(proposal(true))),
                404);
        mvc.perform(get("/api/me/proposals").with(httpBasic(s.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void aSupplierSeesOnlyItsOwnProposalsAndContractsWithDebriefAndPaymentStatus() throws Exception {
        Awarded aw = fx.awarded(team);

        mvc.perform(get("/api/me/proposals").with(httpBasic(aw.runnerUp().getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(
                        jsonPath("$[0].id").value(aw.runnerUpProposal().getId().toString()))
                .andExpect(
                        jsonPath("$[0].opportunityRef").value(aw.opportunity().getReference()))
                .andExpect(jsonPath("$[0].status").value("NOT_SELECTED"))
                .andExpect(jsonPath("$[0].debrief", containsString("C1")));
        mvc.perform(get("/api/me/contracts").with(httpBasic(aw.runnerUp().getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/me/contracts").with(httpBasic(aw.winner().getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(aw.contract().getId().toString()))
                .andExpect(
                        jsonPath("$[0].opportunityRef").value(aw.opportunity().getReference()))
                .andExpect(jsonPath("$[0].status").value("ACTIVE"))
                .andExpect(jsonPath("$[0].price").value("8500.00"))
                .andExpect(jsonPath("$[0].dueDate").isString())
                .andExpect(jsonPath("$[0].paymentStatus").doesNotExist());
        problem(mvc.perform(get("/api/me/contracts")), 401);
    }

    // --- deliveries

    @Test
    void deliveriesOnlyFromTheAwardedSupplierWithAPullRequestOfTheRepository() throws Exception {
        Awarded aw = fx.awarded(team);
        String path = "/api/contracts/" + aw.contract().getId() + "/deliveries";
        String good = "{\"pullRequestUrl\":\"local://demo/widgets/pull/fix-login\"}";

        problem(
                        mvc.perform(as(aw.winner(), post("/api/contracts/not-a-uuid/deliveries"))
                                .content(good)),
                        400)
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        problem(
                mvc.perform(as(aw.winner(), post("/api/contracts/" + UUID.randomUUID() + "/deliveries"))
                        .content(good)),
                404);
        problem(mvc.perform(as(aw.runnerUp(), post(path)).content(good)), 403);
        problem(
                        mvc.perform(as(aw.winner(), post(path))
                                .content("{\"pullRequestUrl\":\"https://github.com/elsewhere/repo/pull/1\"}")),
                        400)
                .andExpect(jsonPath("$.errors[0].field").value("pullRequestUrl"));
        problem(mvc.perform(as(aw.winner(), post(path)).content("{}")), 400);

        mvc.perform(as(aw.winner(), post(path)).content(good))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        problem(mvc.perform(as(aw.winner(), post(path)).content(good)), 409);
    }

    // --- questions

    @Test
    void aRegisteredSupplierAsksAQuestion() throws Exception {
        Opportunity o = fx.open(team);
        Supplier s = fx.supplier("fr");
        String path = "/api/opportunities/" + o.getReference() + "/questions";

        mvc.perform(as(s, post(path)).content("{\"question\":\"Can the work start before the award?\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("UNANSWERED"));
        problem(
                mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{\"question\":\"Hello?\"}")),
                401);
        problem(mvc.perform(as(s, post(path)).content("{\"question\":\"Why?\"}")), 400)
                .andExpect(jsonPath("$.errors[0].field").value("question"));
        assertNoPublicQuestion(o);
    }

    private void assertNoPublicQuestion(Opportunity o) throws Exception {
        mvc.perform(get("/api/opportunities/" + o.getReference())).andExpect(jsonPath("$.questions", hasSize(0)));
    }

    private static ResultActions problem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").isString())
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    private static MockHttpServletRequestBuilder as(Supplier s, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(s.getEmail(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON);
    }

    private static String registration(String email) {
        return """
                {"email":"%s","password":"correct horse battery","displayName":"Ada's Code","language":"fr",
                 "declarations":{"ageOfMajority":true,"status":"CITIZEN","canAcceptCardOrPayPal":true}}""".formatted(email);
    }

    private static String proposal(boolean acceptTerms) {
        return """
                {"statements":[{"criterionId":"C1","text":"I fixed forms for the city of Ottawa."},
                               {"criterionId":"C2","text":"I use axe-core in CI."}],
                 "acceptTerms":%s,
                 "selfIdentification":{"firstGovernmentContract":true,"region":"ON"}}""".formatted(acceptTerms);
    }
}
