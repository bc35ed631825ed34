package ca.gc.microacquisition.process;

import ca.gc.microacquisition.payment.PaymentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After a decline, finance chose to try again with a card: a new payment attempt with its own idempotency key. */
@Component("preparePaymentRetryDelegate")
class PreparePaymentRetryDelegate implements JavaDelegate {

    private final PaymentService payments;

    PreparePaymentRetryDelegate(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        payments.prepareRetry(Vars.uuid(execution, "contractId"));
    }
}
