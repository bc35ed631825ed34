package ca.gc.microacquisition.process;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import ca.gc.microacquisition.payment.PaymentService;

/**
 * Pays the supplier by card. Idempotent: the payment service stores the idempotency key before calling the
 * processor, so a retried or redelivered job never charges twice. A decline is a business outcome (BPMN error
 * PAYMENT_DECLINED, handled by finance); an outage is an exception the engine retries, then an incident.
 */
@Component("payByCardDelegate")
class PayByCardDelegate implements JavaDelegate {

    static final String DECLINED = "PAYMENT_DECLINED";

    private final PaymentService payments;

    PayByCardDelegate(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var outcome = payments.pay(Vars.uuid(execution, "contractId"));
        execution.setVariable("paymentId", outcome.paymentId().toString());
        execution.setVariable("paymentStatus", outcome.status());
        execution.setVariable("paymentMessage", outcome.message());
        if ("DECLINED".equals(outcome.status())) {
            throw new BpmnError(DECLINED, outcome.message());
        }
    }
}
