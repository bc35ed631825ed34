package ca.gc.microacquisition.process;

import ca.gc.microacquisition.splitting.GuardrailPolicy;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Posts the opportunity on the public site (and its feed, and as an issue in its repository where switched on), with
 * at least the minimum posting period of the policy table ({@code SplittingPolicy minimumPostingHours}) left for
 * proposals: a deadline the earlier steps used up moves, the requester is told, and the process records the
 * deadline it moved from ({@code proposalDeadlineMovedFrom}). The proposal timer reads {@code proposalDeadline}.
 */
@Component("publishOpportunityDelegate")
class PublishOpportunityDelegate implements JavaDelegate {

    private final OpportunityLifecycle opportunities;
    private final GuardrailPolicy policy;

    PublishOpportunityDelegate(OpportunityLifecycle opportunities, GuardrailPolicy policy) {
        this.opportunities = opportunities;
        this.policy = policy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var id = Vars.uuid(execution, Vars.OPPORTUNITY_ID);
        var moved = opportunities.publish(id, Duration.ofHours(policy.current().minimumPostingHours()));
        moved.ifPresent(before -> execution.setVariable("proposalDeadlineMovedFrom", Vars.date(before)));
        execution.setVariable("proposalDeadline", Vars.date(opportunities.proposalDeadline(id)));
    }
}
