package ca.gc.microacquisition.process;

import ca.gc.microacquisition.opportunity.OpportunityService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An ineligible request is referred to regular procurement, with every reason recorded. */
@Component("referRequestDelegate")
class ReferRequestDelegate implements JavaDelegate {

    private final OpportunityService opportunities;

    ReferRequestDelegate(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> reasons = new ArrayList<>();
        if (execution.getVariable("ineligibilityReasons") instanceof Collection<?> collection) {
            collection.forEach(reason -> reasons.add(String.valueOf(reason)));
        }
        opportunities.refer(Vars.uuid(execution, Vars.OPPORTUNITY_ID), reasons);
    }
}
