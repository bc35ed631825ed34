package ca.gc.microacquisition.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.supplier.SupplierRegistration;
import ca.gc.microacquisition.testsupport.DomainTest;
import ca.gc.microacquisition.testsupport.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** One supplier, one proposal per opportunity and one entry per draw, whichever of its accounts sends it. */
@DomainTest
class SameSupplierTest {

    @Autowired
    Fixtures fx;

    @Autowired
    ProposalService proposals;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private Opportunity open;
    private String domain;

    @BeforeEach
    void setUp() {
        fx.reset();
        open = fx.open("Team " + UUID.randomUUID());
        domain = "acme" + UUID.randomUUID().toString().substring(0, 8) + ".ca";
    }

    @Test
    void twoAccountsAtTheSameOrganisationDomainSendOneProposal() {
        Supplier alice = supplier("alice@" + domain);
        Supplier bob = supplier("bob@dev." + domain);
        fx.propose(open, alice);

        assertThatThrownBy(() -> fx.propose(open, bob))
                .isInstanceOf(SameSupplierException.class)
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("mail domain " + domain)
                .hasMessageContaining("only one proposal per supplier");
        assertThat(proposals.forSupplier(bob.getId())).isEmpty();

        Opportunity other = fx.open("Team " + UUID.randomUUID());
        assertThat(fx.propose(other, bob).getStatus())
                .as("another opportunity is fine")
                .isEqualTo(ProposalStatus.SUBMITTED);
    }

    @Test
    void theSameMailboxWrittenDifferentlyIsOneSupplierButDifferentMailboxesAreNot() {
        String local = "jo" + UUID.randomUUID().toString().substring(0, 8);
        Supplier first = supplier(local.substring(0, 2) + "." + local.substring(2) + "+bid@gmail.com");
        Supplier second = supplier(local + "@googlemail.com");
        Supplier stranger = supplier("ann" + UUID.randomUUID().toString().substring(0, 8) + "@gmail.com");
        fx.propose(open, first);

        assertThatThrownBy(() -> fx.propose(open, second)).isInstanceOf(SameSupplierException.class);
        assertThat(fx.propose(open, stranger).getStatus()).isEqualTo(ProposalStatus.SUBMITTED);
    }

    @Test
    void theSupplierApiAnswers409WithAProblem() throws Exception {
        Supplier alice = supplier("alice@" + domain);
        Supplier bob = supplier("bob@" + domain);
        String path = "/api/opportunities/" + open.getReference() + "/proposals";
        mvc.perform(post(path)
                        .with(httpBasic(alice.getEmail(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body()))
                .andExpect(status().isCreated());
        mvc.perform(post(path)
                        .with(httpBasic(bob.getEmail(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("only one proposal per supplier")));
    }

    @Test
    void atTheDrawTheSameSuppliersLaterProposalIsPassedOver() {
        Supplier alice = supplier("alice@" + domain);
        Supplier bob = supplier("bob@other" + domain);
        Supplier carol = supplier("carol" + UUID.randomUUID() + "@example.com");
        Proposal pa = fx.propose(open, alice);
        fx.advance(java.time.Duration.ofMinutes(1));
        Proposal pb = fx.propose(open, bob);
        Proposal pc = fx.propose(open, carol);
        // Bob's account turns out to be Acme's too (an address changed, or proposals sent before the check).
        jdbc.update("update supplier set email = ? where id = ?", "bob@" + domain, bob.getId());

        fx.closeProposals(open);
        fx.evaluate(open, List.of(pa, pb, pc), List.of());
        DrawResult draw = fx.evaluations.drawWinner(open.getId());

        assertThat(draw.order()).containsExactlyInAnyOrder(pa.getId(), pc.getId());
        Proposal passedOver = proposals.get(pb.getId());
        assertThat(passedOver.getStatus()).isEqualTo(ProposalStatus.SKIPPED);
        assertThat(passedOver.getSkipReason()).contains("same supplier").contains(pa.getLabel());
        assertThat(fx.evaluations.draw(open.getId()).orElseThrow().getOrderedProposalIds())
                .doesNotContain(pb.getId());
    }

    private Supplier supplier(String email) {
        return fx.suppliers.register(new SupplierRegistration(
                email,
                Fixtures.PASSWORD,
                "Supplier",
                "en",
                new SupplierRegistration.Declarations(true, "CITIZEN", true)));
    }

    private String body() throws Exception {
        return json.writeValueAsString(fx.submission(open));
    }
}
