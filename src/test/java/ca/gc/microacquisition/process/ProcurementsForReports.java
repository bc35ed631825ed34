package ca.gc.microacquisition.process;

import ca.gc.microacquisition.process.ProcessScenario.Team;
import ca.gc.microacquisition.proposal.ProposalService;
import ca.gc.microacquisition.proposal.ProposalSubmission;
import ca.gc.microacquisition.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Real procurements for tests of the audit trail and the pilot reports, driven by {@link ProcessScenario}. The
 * domain's clock is a {@link MutableClock} starting at the real time, so a test can build a data set in a period
 * of its own with known durations.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessScenario.class)
public class ProcurementsForReports {

    @Bean
    @Primary
    public MutableClock reportsTestClock() {
        return new MutableClock(Instant.now());
    }

    @Bean
    public Runner procurementsForReportsRunner() {
        return new Runner();
    }

    /** A procurement that went from request to payment. */
    public record Finished(
            String reference,
            String processInstanceId,
            String requester,
            String team,
            List<UUID> suppliers,
            String winnerName,
            long drawSeed) {}

    public static class Runner {

        @Autowired
        ProcessScenario scenario;

        @Autowired
        ProposalService proposals;

        @Autowired
        HistoryService historyService;

        @Autowired
        MutableClock clock;

        private Finished shared;

        /** One finished procurement shared by the tests of a context (built on first use). */
        public synchronized Finished sharedFinished() {
            if (shared == null) {
                shared = finish();
            }
            return shared;
        }

        /** Request, capacity and funds, two proposals passing, award, clean delivery, acceptance and card payment. */
        public Finished finish() {
            Team team = scenario.newTeam();
            ProcessInstance pi = scenario.startAndCheck(team);
            scenario.attestAndCommit(pi, "pm_card_visa");
            UUID first = scenario.newSupplier("en");
            UUID second = scenario.newSupplier("fr");
            scenario.propose(pi, first);
            scenario.propose(pi, second);
            scenario.deadlinePasses(pi);
            scenario.evaluate(pi, Map.of(), "PASS");
            scenario.deliverCleanWork(pi, team);
            scenario.accept(pi, team);
            String winner = proposals
                            .get(UUID.fromString((String) historyVariable(pi, "selectedProposalId")))
                            .getSupplierId()
                            .equals(first)
                    ? "first"
                    : "second";
            return new Finished(
                    pi.getBusinessKey(),
                    pi.getId(),
                    team.requester(),
                    team.team(),
                    List.of(first, second),
                    winner,
                    Long.parseLong(String.valueOf(historyVariable(pi, "drawSeed"))));
        }

        /**
         * The data set of the metrics test, made with the domain clock at {@code start} (then moved along):
         * A: posted after 1 day, 2 proposals (one with self-identification), awarded after 4 days, accepted and paid
         * after 8 days; B: posted after 2 days, no proposal yet; C: same team as B, flagged for splitting (REVIEW),
         * waiting for an officer; D: a PROTECTED_B request, referred to regular procurement. Leaves the clock at the real time.
         */
        public List<String> metricsDataSet(Instant start) {
            try {
                clock.set(start);
                Team teamA = scenario.newTeam();
                Team teamB = scenario.newTeam();
                Team teamD = scenario.newTeam();
                ProcessInstance a = scenario.start(teamA, request(teamA, "2500.00"));
                scenario.runJobs(a);
                ProcessInstance b = scenario.start(teamB, request(teamB, "3000.00"));
                scenario.runJobs(b);
                Map<String, Object> classified = request(teamD, "2000.00");
                classified.put("securityClassification", "PROTECTED_B");
                ProcessInstance d = scenario.start(teamD, classified);
                scenario.runJobs(d);
                scenario.complete(
                        d,
                        "ReviewIneligibility",
                        teamD.requester(),
                        "requesters",
                        Map.of("ineligibilityAcknowledged", true));

                clock.set(start.plus(Duration.ofDays(1)));
                scenario.attestAndCommit(a, "pm_card_visa");
                UUID supplier1 = scenario.newSupplier("en");
                UUID supplier2 = scenario.newSupplier("fr");
                scenario.propose(a, supplier1);
                proposals.submit(
                        a.getBusinessKey(),
                        supplier2,
                        new ProposalSubmission(
                                List.of(
                                        new ProposalSubmission.Statement(
                                                "C1", "I maintain the French version of two applications."),
                                        new ProposalSubmission.Statement("C2", "I am free from next week.")),
                                true,
                                new ProposalSubmission.SelfIdentificationData(
                                        true, "Quebec", false, true, List.of("Women"))));
                scenario.runJobs(a);

                clock.set(start.plus(Duration.ofDays(2)));
                scenario.attestAndCommit(b, "pm_card_visa");
                ProcessInstance c = scenario.start(teamB, request(teamB, "3000.00"));
                scenario.runJobs(c);
                scenario.attestAndCommit(c, "pm_card_visa");

                clock.set(start.plus(Duration.ofDays(4)));
                scenario.deadlinePasses(a);
                scenario.evaluate(a, Map.of(), "PASS");

                clock.set(start.plus(Duration.ofDays(6)));
                scenario.deliverCleanWork(a, teamA);

                clock.set(start.plus(Duration.ofDays(8)));
                scenario.accept(a, teamA);
                return List.of(a.getBusinessKey(), b.getBusinessKey(), c.getBusinessKey(), d.getBusinessKey());
            } finally {
                clock.set(Instant.now());
            }
        }

        private Map<String, Object> request(Team team, String value) {
            Map<String, Object> request = scenario.request(team);
            request.put("estimatedValue", value);
            request.put(
                    "proposalDeadline",
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
                            .plusDays(3)
                            .withNano(0)
                            .toString());
            return request;
        }

        private Object historyVariable(ProcessInstance pi, String name) {
            return historyService
                    .createHistoricVariableInstanceQuery()
                    .processInstanceId(pi.getId())
                    .variableName(name)
                    .singleResult()
                    .getValue();
        }
    }
}
