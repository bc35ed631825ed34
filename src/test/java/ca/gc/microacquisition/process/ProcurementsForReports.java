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

        /**
         * A random mix of procurements (fixed by the seed), requested from {@code start} on, every few days: some
         * only requested, some referred (PROTECTED_B), posted, with proposals (some self-identified, suppliers
         * drawn from a small pool so that some propose again), awarded, accepted and paid, and some made by the
         * previous request's team (flagged for splitting). Leaves the clock at the real time. Returns the references.
         */
        public List<String> metricsMix(Instant start, long seed, int count) {
            java.util.Random random = new java.util.Random(seed);
            List<String> references = new java.util.ArrayList<>();
            List<UUID> pool = new java.util.ArrayList<>();
            try {
                Instant at = start;
                Team previous = null;
                List<Integer> kinds = new java.util.ArrayList<>();
                for (int i = 0; i < count; i++) {
                    kinds.add(i % 7); // every kind once from 7 procurements on
                }
                java.util.Collections.shuffle(kinds, random);
                for (int i = 0; i < count; i++) {
                    at = at.plus(Duration.ofHours(24 + random.nextInt(24 * 9)));
                    clock.set(at);
                    int kind = kinds.get(i);
                    Team team = kind == 6 && previous != null ? previous : scenario.newTeam();
                    Map<String, Object> request = request(team, (1000 + random.nextInt(80) * 100) + ".00");
                    if (kind == 1) {
                        request.put("securityClassification", "PROTECTED_B");
                    }
                    ProcessInstance pi = scenario.start(team, request);
                    scenario.runJobs(pi);
                    references.add(pi.getBusinessKey());
                    previous = team;
                    if (kind == 0) {
                        continue;
                    }
                    if (kind == 1) {
                        scenario.complete(
                                pi,
                                "ReviewIneligibility",
                                team.requester(),
                                "requesters",
                                Map.of("ineligibilityAcknowledged", true));
                        continue;
                    }
                    clock.set(at.plus(Duration.ofMinutes(30 + random.nextInt(60 * 48))));
                    scenario.attestAndCommit(pi, "pm_card_visa");
                    if (kind == 2 || kind == 6) {
                        continue;
                    }
                    clock.set(at.plus(Duration.ofHours(50)));
                    int proposers = kind == 3 ? 1 + random.nextInt(2) : 2;
                    java.util.Set<UUID> chosen = new java.util.LinkedHashSet<>();
                    while (chosen.size() < proposers) {
                        if (pool.isEmpty() || random.nextInt(3) == 0) {
                            pool.add(scenario.newSupplier(random.nextBoolean() ? "en" : "fr"));
                        }
                        chosen.add(pool.get(random.nextInt(pool.size())));
                    }
                    for (UUID supplier : chosen) {
                        if (random.nextBoolean()) {
                            scenario.propose(pi, supplier);
                        } else {
                            proposals.submit(
                                    pi.getBusinessKey(),
                                    supplier,
                                    new ProposalSubmission(
                                            List.of(
                                                    new ProposalSubmission.Statement(
                                                            "C1", "I maintain two bilingual applications."),
                                                    new ProposalSubmission.Statement("C2", "I am free next week.")),
                                            true,
                                            new ProposalSubmission.SelfIdentificationData(
                                                    random.nextBoolean() ? null : random.nextBoolean(),
                                                    random.nextBoolean() ? "Quebec" : " Ontario ",
                                                    random.nextBoolean(),
                                                    random.nextBoolean() ? null : random.nextBoolean(),
                                                    random.nextBoolean()
                                                            ? List.of("Women")
                                                            : List.of("Women", "Indigenous peoples"))));
                        }
                    }
                    scenario.runJobs(pi);
                    if (kind == 3) {
                        continue;
                    }
                    clock.set(at.plus(Duration.ofHours(80 + random.nextInt(24))));
                    scenario.deadlinePasses(pi);
                    scenario.evaluate(pi, Map.of(), "PASS");
                    if (kind == 4) {
                        continue;
                    }
                    clock.set(at.plus(Duration.ofHours(150 + random.nextInt(48))));
                    scenario.deliverCleanWork(pi, team);
                    clock.set(at.plus(Duration.ofHours(200 + random.nextInt(96))));
                    scenario.accept(pi, team);
                }
                return references;
            } finally {
                clock.set(Instant.now());
            }
        }

        /** A request made and posted at {@code at}; leaves the clock there. Returns the reference. */
        public String postedAt(Instant at) {
            clock.set(at);
            Team team = scenario.newTeam();
            ProcessInstance pi = scenario.start(team, request(team, "2000.00"));
            scenario.runJobs(pi);
            scenario.attestAndCommit(pi, "pm_card_visa");
            return pi.getBusinessKey();
        }

        /** A registered supplier ready to be paid. */
        public UUID newSupplier() {
            return scenario.newSupplier("en");
        }

        /** The domain clock back at the real time. */
        public void realTime() {
            clock.set(Instant.now());
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
