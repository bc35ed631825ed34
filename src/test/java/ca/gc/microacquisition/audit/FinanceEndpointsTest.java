package ca.gc.microacquisition.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gc.microacquisition.contract.Contract;
import ca.gc.microacquisition.identity.AccessGroups;
import ca.gc.microacquisition.payment.FundsCommitments;
import ca.gc.microacquisition.payment.PaymentService;
import ca.gc.microacquisition.testsupport.DomainTest;
import ca.gc.microacquisition.testsupport.FakeCardProcessor;
import ca.gc.microacquisition.testsupport.Fixtures;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Finance reaches the refund (with a reason, recorded in the trail) and the reconciliation export; nobody else. */
@DomainTest
class FinanceEndpointsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fx;

    @Autowired
    PaymentService payments;

    @Autowired
    FundsCommitments commitments;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuditReports reports;

    String financeUser;
    String auditorUser;
    Contract contract;

    @BeforeEach
    void setUp() {
        fx.clock.set(Instant.parse("2062-05-04T14:00:00Z"));
        financeUser = user(AccessGroups.FINANCE);
        auditorUser = user(AccessGroups.AUDITORS);
        contract = fx.accepted("Team " + UUID.randomUUID());
        commitments.commit(contract.getOpportunityId(), "FC-2062-0042", FakeCardProcessor.GOOD_CARD, "manager");
        payments.pay(contract.getId(), FakeCardProcessor.GOOD_CARD);
    }

    @AfterEach
    void back() {
        fx.reset();
    }

    @Test
    void financeRefundsWithAReason_andTheTrailShowsIt() throws Exception {
        String url = "/staff/finance/contracts/" + contract.getId() + "/refund";
        mvc.perform(post(url)
                        .with(httpBasic(auditorUser, auditorUser))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"The supplier was paid twice by mistake.\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(url)
                        .with(httpBasic(financeUser, financeUser))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(payments.latestFor(contract.getId())
                        .orElseThrow()
                        .getStatus()
                        .name())
                .isEqualTo("SUCCEEDED");

        mvc.perform(post(url)
                        .with(httpBasic(financeUser, financeUser))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"The supplier was paid twice by mistake.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFUNDED"));

        var payment = payments.latestFor(contract.getId()).orElseThrow();
        assertThat(payment.getRefundedBy()).isEqualTo(financeUser);
        assertThat(payment.getRefundReason()).isEqualTo("The supplier was paid twice by mistake.");
        String reference = fx.opportunities.get(contract.getOpportunityId()).getReference();
        assertThat(reports.trails().trail(reference).timeline()).anySatisfy(entry -> {
            assertThat(entry.kind()).isEqualTo("REFUND");
            assertThat(entry.who()).isEqualTo(financeUser);
            assertThat(entry.detail()).contains("paid twice by mistake");
        });
    }

    @Test
    void theReconciliationListsCommitmentChargesAndRefundsPerContract() throws Exception {
        payments.refund(contract.getId(), "The supplier was paid twice by mistake.", financeUser);
        String reference = fx.opportunities.get(contract.getOpportunityId()).getReference();
        String key = "contract-" + contract.getId() + "-attempt-1";

        mvc.perform(get("/staff/finance/reconciliation.json?from=2062-05-01&to=2062-06-30")
                        .with(httpBasic(financeUser, financeUser)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contracts[?(@.reference == '" + reference + "')].financialCoding")
                        .value("FC-2062-0042"))
                .andExpect(jsonPath("$.contracts[?(@.reference == '" + reference + "')].net")
                        .value(0.0));
        String csv = mvc.perform(get("/staff/finance/reconciliation.csv?from=2062-05-01&to=2062-06-30")
                        .with(httpBasic(financeUser, financeUser)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", FinanceReconciliation.COLUMNS));
        assertThat(csv.lines().filter(line -> line.startsWith(reference + ",")).toList())
                .satisfiesExactly(
                        charge -> assertThat(charge)
                                .contains(",CHARGE,1,8500.00,SUCCEEDED,")
                                .contains("," + key + ",")
                                .contains(",FC-2062-0042,"),
                        refund -> assertThat(refund)
                                .contains(",REFUND,1,-8500.00,REFUNDED,")
                                .contains("," + key + "-refund,")
                                .contains("paid twice by mistake"));
        // Another period: nothing of this contract.
        assertThat(mvc.perform(get("/staff/finance/reconciliation.csv?from=2061-01-01&to=2061-01-31")
                                .with(httpBasic(financeUser, financeUser)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain(reference);
        mvc.perform(get("/staff/finance/reconciliation.csv").with(httpBasic(auditorUser, auditorUser)))
                .andExpect(status().isForbidden());
    }

    private String user(String group) {
        if (identityService.createGroupQuery().groupId(group).count() == 0) {
            identityService.saveGroup(identityService.newGroup(group));
        }
        String id = group + "-" + UUID.randomUUID().toString().substring(0, 8);
        var user = identityService.newUser(id);
        user.setPassword(id);
        ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identityService)
                .saveUser(user, true); // password = user id, like the demo users: skips the password policy
        identityService.createMembership(id, group);
        return id;
    }
}
