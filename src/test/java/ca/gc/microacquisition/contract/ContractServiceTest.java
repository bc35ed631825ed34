package ca.gc.microacquisition.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.DomainValidationException;
import ca.gc.microacquisition.common.ForbiddenException;
import ca.gc.microacquisition.opportunity.OpportunityStatus;
import ca.gc.microacquisition.proposal.ProposalService;
import ca.gc.microacquisition.proposal.ProposalStatus;
import ca.gc.microacquisition.repositoryhost.ChangeRequestReport;
import ca.gc.microacquisition.repositoryhost.Finding;
import ca.gc.microacquisition.testsupport.Awarded;
import ca.gc.microacquisition.testsupport.DomainTest;
import ca.gc.microacquisition.testsupport.FakeRepositoryHost;
import ca.gc.microacquisition.testsupport.Fixtures;
import ca.gc.microacquisition.testsupport.InMemoryNotifier;
import ca.gc.microacquisition.testsupport.RecordingProcurementEvents;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DomainTest
class ContractServiceTest {

    @Autowired
    Fixtures fx;

    @Autowired
    ContractService contracts;

    @Autowired
    ProposalService proposals;

    @org.springframework.beans.factory.annotation.Autowired
    ca.gc.microacquisition.proposal.EvaluationService evaluations;

    @Autowired
    InMemoryNotifier notifier;

    @Autowired
    RecordingProcurementEvents events;

    @Autowired
    FakeRepositoryHost repositoryHost;

    Awarded aw;
    Contract contract;

    @BeforeEach
    void setUp() {
        fx.reset();
        aw = fx.awarded("Team " + UUID.randomUUID());
        contract = aw.contract();
    }

    @Test
    void awardCreatesTheContractAndTellsWinnerAndOthers() {
        assertThat(contract.getStatus()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(contract.getPrice()).isEqualByComparingTo("8500.00");
        assertThat(contract.getCurrency()).isEqualTo("CAD");
        assertThat(contract.getTermsVersion()).isEqualTo("2026-1");
        assertThat(contract.getLicence()).isEqualTo("MIT");
        assertThat(contract.getSupplierId()).isEqualTo(aw.winner().getId());
        assertThat(contract.getProposalId()).isEqualTo(aw.winning().getId());
        assertThat(contract.getDueDate())
                .isEqualTo(contract.getAwardedAt().plusDays(10).withNano(0));
        assertThat(aw.opportunity().getStatus()).isEqualTo(OpportunityStatus.AWARDED);
        assertThat(aw.winning().getStatus()).isEqualTo(ProposalStatus.AWARDED);
        assertThat(aw.runnerUpProposal().getStatus()).isEqualTo(ProposalStatus.NOT_SELECTED);

        assertThat(notifier.to(aw.winner().getEmail())).anyMatch(n -> n.kind().equals("AWARDED"));
        assertThat(notifier.to(aw.runnerUp().getEmail())).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("DEBRIEF");
            assertThat(n.language()).isEqualTo(aw.runnerUp().getLanguage());
            assertThat(n.body()).contains("Clear example with a link to the code.");
        });

        assertThat(contracts
                        .award(aw.opportunity().getId(), aw.winning().getId())
                        .getId())
                .isEqualTo(contract.getId());
        assertThatThrownBy(() -> contracts.award(
                        aw.opportunity().getId(), aw.runnerUpProposal().getId()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyTheAwardedSupplierDeliversAPullRequestOfTheRepository() {
        String url = aw.opportunity().getRepositoryUrl() + "/pull/fix-login";
        assertThatThrownBy(() ->
                        contracts.submitDelivery(contract.getId(), aw.runnerUp().getId(), url))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> contracts.submitDelivery(
                        contract.getId(), aw.winner().getId(), "local://someone/else/pull/fix"))
                .isInstanceOfSatisfying(
                        DomainValidationException.class,
                        e -> assertThat(e.getProblems().get(0).field()).isEqualTo("pullRequestUrl"));
        assertThatThrownBy(() ->
                        contracts.submitDelivery(contract.getId(), aw.winner().getId(), " "))
                .isInstanceOf(DomainValidationException.class);

        Delivery d = contracts.submitDelivery(contract.getId(), aw.winner().getId(), url);

        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.SUBMITTED);
        assertThat(contracts.get(contract.getId()).getStatus()).isEqualTo(ContractStatus.DELIVERED);
        assertThat(events.about(aw.opportunity().getReference())).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("WorkDelivered");
            assertThat(e.id()).isEqualTo(d.getId());
            assertThat(e.actor()).isEqualTo("supplier:" + aw.winner().getId());
        });
        assertThatThrownBy(() ->
                        contracts.submitDelivery(contract.getId(), aw.winner().getId(), url))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already being reviewed");
    }

    @Test
    void aLicenceFileThatIsNotRecognisedIsNeitherAMatchNorAMismatch() {
        String url = aw.opportunity().getRepositoryUrl() + "/pull/qa-" + UUID.randomUUID();
        repositoryHost.report(new ChangeRequestReport(
                url,
                ChangeRequestReport.State.OPEN,
                "deadbeef",
                ChangeRequestReport.ChecksOutcome.PASSED,
                true,
                null,
                true,
                null,
                List.of()));
        Delivery d = contracts.submitDelivery(contract.getId(), aw.winner().getId(), url);

        QaSummary qa = contracts.inspectDelivery(d.getId());

        // QaGate's Rule_LicenceMatchUnknown sends it to a QA reviewer.
        assertThat(qa.licenceFilePresent()).isTrue();
        assertThat(qa.licenceMatches()).isNull();
    }

    @Test
    void inspectionStoresTheQaSummary() {
        String url = aw.opportunity().getRepositoryUrl() + "/pull/qa-" + UUID.randomUUID();
        repositoryHost.report(new ChangeRequestReport(
                url,
                ChangeRequestReport.State.OPEN,
                "deadbeef",
                ChangeRequestReport.ChecksOutcome.FAILED,
                true,
                "Apache-2.0",
                true,
                null,
                List.of(
                        new Finding("CodeQL", "js/xss", Finding.Severity.HIGH, "XSS", "app.js", 12),
                        new Finding("CodeQL", "js/unused", Finding.Severity.LOW, "Unused", "app.js", 3),
                        new Finding("CodeQL", "js/crit", Finding.Severity.CRITICAL, "Injection", "db.js", 8),
                        new Finding("secret-scan", "aws-key", Finding.Severity.HIGH, "AWS key", ".env", 1))));
        Delivery d = contracts.submitDelivery(contract.getId(), aw.winner().getId(), url);

        QaSummary qa = contracts.inspectDelivery(d.getId());

        assertThat(qa).isEqualTo(new QaSummary(d.getId(), url, "OPEN", "FAILED", true, false, true, 1, 1, 0, 1, 1));
        Delivery stored = contracts.getDelivery(d.getId());
        assertThat(stored.getHeadSha()).isEqualTo("deadbeef");
        assertThat(stored.getLicenceSpdxId()).isEqualTo("Apache-2.0");
        assertThat(contracts.findings(d.getId()))
                .extracting(DeliveryFinding::getTool)
                .containsExactly("CodeQL", "CodeQL", "CodeQL", "secret-scan");
        assertThat(contracts.inspectDelivery(d.getId())).isEqualTo(qa);
        assertThat(contracts.findings(d.getId())).hasSize(4);
    }

    @Test
    void changesRequestedThenRedeliveredThenAccepted() {
        String url = aw.opportunity().getRepositoryUrl() + "/pull/fix-login";
        Delivery first = contracts.submitDelivery(contract.getId(), aw.winner().getId(), url);
        assertThatThrownBy(() -> contracts.close(contract.getId())).isInstanceOf(ConflictException.class);

        contracts.requestChanges(first.getId(), "Keyboard focus is lost after submit.", "requester");

        assertThat(contracts.getDelivery(first.getId()).getStatus()).isEqualTo(DeliveryStatus.CHANGES_REQUESTED);
        assertThat(contracts.get(contract.getId()).getStatus()).isEqualTo(ContractStatus.CHANGES_REQUESTED);
        assertThat(notifier.to(aw.winner().getEmail())).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("CHANGES_REQUESTED");
            assertThat(n.body()).contains("Keyboard focus is lost after submit.");
        });
        assertThatThrownBy(() -> contracts.accept(contract.getId(), "requester"))
                .isInstanceOf(ConflictException.class);

        Delivery second = contracts.submitDelivery(contract.getId(), aw.winner().getId(), url + "-2");
        contracts.accept(contract.getId(), "requester");

        Contract accepted = contracts.get(contract.getId());
        assertThat(accepted.getStatus()).isEqualTo(ContractStatus.ACCEPTED);
        assertThat(accepted.getAcceptedBy()).isEqualTo("requester");
        assertThat(accepted.getAcceptedAt()).isEqualTo(fx.now());
        assertThat(contracts.getDelivery(second.getId()).getStatus()).isEqualTo(DeliveryStatus.ACCEPTED);
        assertThat(notifier.to(aw.winner().getEmail())).anyMatch(n -> n.kind().equals("WORK_ACCEPTED"));
        assertThatThrownBy(() -> contracts.close(contract.getId()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("paid");
    }

    @Test
    void extendNeedsALaterDateAndTerminateEndsTheContract() {
        assertThatThrownBy(() -> contracts.extend(contract.getId(), fx.now().minusMinutes(1)))
                .isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("newDueDate");
        assertThatThrownBy(() -> contracts.extend(contract.getId(), "soon"))
                .isInstanceOf(DomainValidationException.class);
        Contract extended =
                contracts.extend(contract.getId(), fx.now().plusDays(20).toString());
        assertThat(extended.getDueDate()).isEqualTo(fx.now().plusDays(20));

        fx.advance(Duration.ofDays(21));
        contracts.terminate(contract.getId(), "Not delivered by the due date.");

        assertThat(contracts.get(contract.getId()).getStatus()).isEqualTo(ContractStatus.TERMINATED);
        assertThat(notifier.to(aw.winner().getEmail())).anyMatch(n -> n.kind().equals("CONTRACT_TERMINATED"));
        assertThatThrownBy(() -> contracts.submitDelivery(
                        contract.getId(), aw.winner().getId(), aw.opportunity().getRepositoryUrl() + "/pull/late"))
                .isInstanceOf(ConflictException.class);

        // the next passing proposal is offered and awarded
        var next =
                evaluations.nextCandidate(aw.opportunity().getId(), aw.winning().getId(), "Not delivered");
        assertThat(next).contains(aw.runnerUpProposal().getId());
        Contract second = contracts.award(aw.opportunity().getId(), next.orElseThrow());
        assertThat(second.getSupplierId()).isEqualTo(aw.runnerUp().getId());
        assertThat(proposals.get(aw.winning().getId()).getStatus()).isEqualTo(ProposalStatus.SKIPPED);
    }
}
