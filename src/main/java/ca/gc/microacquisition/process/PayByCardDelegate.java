package ca.gc.microacquisition.process;

import ca.gc.microacquisition.contract.ContractService;
import ca.gc.microacquisition.payee.PayeeService;
import ca.gc.microacquisition.payment.PaymentService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Pays the supplier by card. Idempotent: the payment service stores the idempotency key before calling the
 * processor, so a retried or redelivered job never charges twice. A decline is a business outcome (BPMN error
 * PAYMENT_DECLINED, handled by finance); an outage is an exception the engine retries, then an incident. A supplier
 * who prefers PayPal is not charged by card: the same finance task receives the payout to make by hand
 * ({@code paymentStatus = PAYPAL_PAYOUT_DUE}, {@code paypalAddress}).
 */
@Component("payByCardDelegate")
class PayByCardDelegate implements JavaDelegate {

    static final String DECLINED = "PAYMENT_DECLINED";

    private final PaymentService payments;
    private final PayeeService payees;
    private final ContractService contracts;

    PayByCardDelegate(PaymentService payments, PayeeService payees, ContractService contracts) {
        this.payments = payments;
        this.payees = payees;
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var contract = contracts.get(Vars.uuid(execution, "contractId"));
        var paypal = payees.payPalAddress(contract.getSupplierId());
        if (paypal.isPresent()) {
            // No maintained PayPal Payouts client exists for Java: finance pays the address and records the payout.
            String message = "The supplier is paid by PayPal, not by card: send "
                    + contract.getPrice().toPlainString()
                    + " " + contract.getCurrency() + " to the PayPal address " + paypal.get() + " (PayPal Payouts, "
                    + "from the department's PayPal business account), then choose \"Paid another way\" and give the "
                    + "PayPal payout batch id as the reference.";
            execution.setVariable("paymentStatus", "PAYPAL_PAYOUT_DUE");
            execution.setVariable("paymentMessage", message);
            execution.setVariable("paypalAddress", paypal.get());
            throw new BpmnError(DECLINED, message);
        }
        var outcome = payments.pay(Vars.uuid(execution, "contractId"));
        execution.setVariable("paymentId", outcome.paymentId().toString());
        execution.setVariable("paymentStatus", outcome.status());
        execution.setVariable("paymentMessage", outcome.message());
        if ("DECLINED".equals(outcome.status())) {
            throw new BpmnError(DECLINED, outcome.message());
        }
    }
}
