package ca.gc.microacquisition.splitting;

import ca.gc.microacquisition.common.NotFoundException;
import ca.gc.microacquisition.contract.ContractRepository;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityRepository;
import ca.gc.microacquisition.opportunity.OpportunityStatus;
import ca.gc.microacquisition.proposal.Proposal;
import ca.gc.microacquisition.proposal.ProposalRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the contract-splitting guardrail's inputs from the history: other requests of the same team and on
 * the same repository (over the policy's {@code windowDays}), and awards to the same supplier (over its
 * {@code supplierWindowDays}), before now. The policy ({@link GuardrailPolicy}) is read at every computation, so a
 * new version deployed by CFOB applies to the next check. The opportunity itself and referred or cancelled requests
 * are left out.
 */
@Service
// Not read-only: reading the policy evaluates the SplittingPolicy decision, which the engine records in its history.
@Transactional
public class SplittingService {

    static final EnumSet<OpportunityStatus> IGNORED =
            EnumSet.of(OpportunityStatus.REFERRED, OpportunityStatus.CANCELLED);

    private final OpportunityRepository opportunities;
    private final ContractRepository contracts;
    private final ProposalRepository proposals;
    private final Clock clock;
    private final GuardrailPolicy policy;

    SplittingService(
            OpportunityRepository opportunities,
            ContractRepository contracts,
            ProposalRepository proposals,
            Clock clock,
            GuardrailPolicy policy) {
        this.opportunities = opportunities;
        this.contracts = contracts;
        this.proposals = proposals;
        this.clock = clock;
        this.policy = policy;
    }

    /** Before posting: the team's and the repository's other recent requests. */
    public SplittingInputs requestView(UUID opportunityId) {
        Opportunity o = opportunity(opportunityId);
        return compute(o, SplittingInputs.REQUEST, null);
    }

    /** Before award: the same, plus the recent awards to the supplier of the chosen proposal. */
    public SplittingInputs supplierView(UUID opportunityId, UUID proposalId) {
        Opportunity o = opportunity(opportunityId);
        Proposal proposal = proposals
                .findById(proposalId)
                .filter(p -> p.getOpportunityId().equals(opportunityId))
                .orElseThrow(() -> new NotFoundException(
                        "There is no proposal " + proposalId + " for opportunity " + o.getReference() + "."));
        return compute(o, SplittingInputs.SUPPLIER, proposal.getSupplierId());
    }

    private SplittingInputs compute(Opportunity o, String scope, UUID supplierId) {
        SplittingPolicy current = policy.current();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime since = now.minusDays(current.windowDays());
        OffsetDateTime supplierSince = now.minusDays(current.supplierWindowDays());
        Object[] team = first(opportunities.teamTotals(o.getDepartment(), o.getTeamKey(), since, o.getId(), IGNORED));
        Object[] repository = first(opportunities.repositoryTotals(o.getRepositoryKey(), since, o.getId(), IGNORED));
        long nearThreshold = opportunities.teamCountAtLeast(
                o.getDepartment(), o.getTeamKey(), since, o.getId(), IGNORED, current.nearThresholdFloor());
        long supplierAwardCount = 0;
        BigDecimal supplierAwardValue = zero();
        BigDecimal supplierCumulative = zero();
        if (supplierId != null) {
            Object[] byTeam = first(contracts.supplierTeamTotals(
                    supplierId, supplierSince, o.getId(), o.getDepartment(), o.getTeamKey()));
            supplierAwardCount = count(byTeam[0]);
            supplierAwardValue = value(byTeam[1]);
            supplierCumulative = value(first(contracts.supplierTotals(supplierId, supplierSince, o.getId()))[1]);
        }
        return new SplittingInputs(
                scope,
                o.getPrice().toPlainString(),
                count(team[0]),
                value(team[1]),
                count(repository[0]),
                value(repository[1]),
                nearThreshold,
                supplierAwardCount,
                supplierAwardValue,
                supplierCumulative);
    }

    private static Object[] first(List<Object[]> rows) {
        return rows.isEmpty() ? new Object[] {0L, BigDecimal.ZERO} : rows.get(0);
    }

    private static long count(Object value) {
        return value == null ? 0L : ((Number) value).longValue();
    }

    private static BigDecimal value(Object value) {
        if (value == null) {
            return zero();
        }
        BigDecimal amount = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    private Opportunity opportunity(UUID id) {
        return opportunities
                .findById(id)
                .orElseThrow(() -> new NotFoundException("There is no opportunity with id " + id + "."));
    }
}
