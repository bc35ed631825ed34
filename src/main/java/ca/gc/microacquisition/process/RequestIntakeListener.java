package ca.gc.microacquisition.process;

import ca.gc.microacquisition.identity.Teams;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.opportunity.RequestDetails;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Registers the submitted request in the domain (which validates every field), gives the procurement its
 * reference as business key, and keeps the normalised values the process reads later.
 * Invalid input is refused with a message listing every problem, and nothing is started. The team is one of the
 * requester's teams from the managed list ({@link Teams}); the variable {@code team} keeps its group id.
 */
@Component("requestIntakeListener")
class RequestIntakeListener implements ExecutionListener {

    private final OpportunityService opportunities;
    private final IdentityService identityService;
    private final Teams teams;

    RequestIntakeListener(OpportunityService opportunities, IdentityService identityService, Teams teams) {
        this.opportunities = opportunities;
        this.identityService = identityService;
        this.teams = teams;
    }

    @Override
    public void notify(DelegateExecution execution) {
        // The requester is whoever submitted the start form; a submitted "requester" variable cannot impersonate.
        var authentication = identityService.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            execution.setVariable("requester", authentication.getUserId());
        }
        String team = Submissions.refuseInvalid(
                () -> teams.resolve(Vars.string(execution, "requester"), Vars.string(execution, "team")));
        execution.setVariable("team", team);
        RequestDetails details = new RequestDetails(
                Vars.string(execution, "title"),
                Vars.string(execution, "summary"),
                Vars.string(execution, "workDescription"),
                Vars.string(execution, "acceptanceCriteria"),
                Vars.string(execution, "evaluationCriteria"),
                Vars.string(execution, "skills"),
                execution.getVariable("estimatedValue") == null
                        ? null
                        : execution.getVariable("estimatedValue").toString(),
                Vars.string(execution, "securityClassification"),
                Flags.bool(execution.getVariable("remoteWork")),
                Vars.string(execution, "repositoryUrl"),
                Vars.string(execution, "license"),
                Flags.bool(execution.getVariable("containsPersonalInformation")),
                Vars.dateTimeValue(execution, "proposalDeadline"),
                execution.getVariable("deliveryDays"),
                Vars.string(execution, "department"),
                team,
                Vars.string(execution, "requester"),
                Vars.string(execution, "titleFr"),
                Vars.string(execution, "summaryFr"),
                Vars.string(execution, "acceptanceCriteriaFr"),
                Vars.string(execution, "evaluationCriteriaFr"),
                Flags.bool(execution.getVariable("testOpportunity")));
        Opportunity opportunity = Submissions.refuseInvalid(() -> opportunities.registerRequest(details));

        execution.setProcessBusinessKey(opportunity.getReference());
        execution.setVariable(Vars.OPPORTUNITY_ID, opportunity.getId().toString());
        execution.setVariable("estimatedValue", opportunity.getPrice().toPlainString());
        execution.setVariable("proposalDeadline", Vars.date(opportunity.getProposalDeadline()));
        execution.setVariable("deliveryDays", opportunity.getDeliveryDays());
        execution.setVariable("remoteWork", Boolean.TRUE.equals(details.remoteWork()));
        execution.setVariable(
                "containsPersonalInformation", Boolean.TRUE.equals(details.containsPersonalInformation()));
        execution.setVariable("testOpportunity", opportunity.isTestOpportunity());
    }
}
