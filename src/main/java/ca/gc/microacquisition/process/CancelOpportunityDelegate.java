package ca.gc.microacquisition.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Cancels the procurement before award (withdrawn, cancelled after no proposals, or the CancelRequest message). */
@Component("cancelOpportunityDelegate")
class CancelOpportunityDelegate implements JavaDelegate {

    private final OpportunityLifecycle opportunities;
    private final IdentityService identityService;

    CancelOpportunityDelegate(OpportunityLifecycle opportunities, IdentityService identityService) {
        this.opportunities = opportunities;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = firstNonBlank(
                Vars.string(execution, "withdrawReason"),
                Vars.string(execution, "cancelReason"),
                Vars.string(execution, "decisionNote"),
                "Cancelled by the requester before award.");
        opportunities.cancel(
                Vars.uuid(execution, Vars.OPPORTUNITY_ID),
                reason,
                Vars.actor(identityService, Vars.string(execution, "requester")));
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
