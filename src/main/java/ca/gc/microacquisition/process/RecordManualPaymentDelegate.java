package ca.gc.microacquisition.process;

import ca.gc.microacquisition.payment.PaymentService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Finance paid the supplier another way (e.g. PayPal): the reference is recorded. */
@Component("recordManualPaymentDelegate")
class RecordManualPaymentDelegate implements JavaDelegate {

    private final PaymentService payments;
    private final IdentityService identityService;

    RecordManualPaymentDelegate(PaymentService payments, IdentityService identityService) {
        this.payments = payments;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        payments.recordManualPayment(
                Vars.uuid(execution, "contractId"),
                Vars.string(execution, "manualPaymentReference"),
                Vars.actor(identityService, Vars.string(execution, "resolvedBy")));
        execution.setVariable("paymentStatus", "MANUAL");
    }
}
