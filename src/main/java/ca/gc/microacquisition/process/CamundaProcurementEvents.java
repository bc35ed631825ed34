package ca.gc.microacquisition.process;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.procurement.ProcurementEvents;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Tells the running procurement what suppliers did, by message correlation on the procurement reference.
 * The supplier is set as the authenticated user so the engine's operation log shows who acted; suppliers have
 * no engine permissions, so the correlation itself runs without authorization checks (the domain already
 * checked what the supplier may do).
 */
@Component
class CamundaProcurementEvents implements ProcurementEvents {

    static final String PROPOSAL_SUBMITTED = "ProposalSubmitted";
    static final String WORK_DELIVERED = "WorkDelivered";
    static final String QUESTION_ASKED = "QuestionAsked";

    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl configuration;

    CamundaProcurementEvents(
            RuntimeService runtimeService, IdentityService identityService, ProcessEngineConfiguration configuration) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.configuration = (ProcessEngineConfigurationImpl) configuration;
    }

    @Override
    public void proposalSubmitted(String reference, UUID proposalId, String actor) {
        correlate(
                PROPOSAL_SUBMITTED,
                reference,
                Map.of("proposalId", proposalId.toString()),
                Map.of(),
                actor,
                "Opportunity " + reference + " is not accepting proposals now.");
    }

    @Override
    public void questionAsked(String reference, UUID questionId, String actor) {
        correlate(
                QUESTION_ASKED,
                reference,
                Map.of(),
                Map.of("questionId", questionId.toString()),
                actor,
                "Opportunity " + reference + " is not taking questions now.");
    }

    @Override
    public void workDelivered(String reference, UUID deliveryId, String actor) {
        correlate(
                WORK_DELIVERED,
                reference,
                Map.of("deliveryId", deliveryId.toString()),
                Map.of(),
                actor,
                "Contract for " + reference + " is not waiting for a delivery now.");
    }

    private void correlate(
            String message,
            String reference,
            Map<String, Object> variables,
            Map<String, Object> localVariables,
            String actor,
            String refusal) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(actor, List.of());
        try {
            configuration
                    .getCommandExecutorTxRequired()
                    .execute(commandContext -> commandContext.runWithoutAuthorization(() -> runtimeService
                            .createMessageCorrelation(message)
                            .processInstanceBusinessKey(reference)
                            .setVariables(variables)
                            .setVariablesLocal(localVariables)
                            .correlateWithResult()));
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException(refusal);
        } finally {
            if (previous == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previous);
            }
        }
    }
}
