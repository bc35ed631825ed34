package ca.gc.microacquisition.payment;

import ca.gc.microacquisition.contract.ContractPayments;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Answers the contract package's questions about a contract's payment from its latest attempt. */
@Component
class PaymentsOfContracts implements ContractPayments {

    private static final EnumSet<PaymentStatus> PAID = EnumSet.of(PaymentStatus.SUCCEEDED, PaymentStatus.MANUAL);

    private final PaymentRepository payments;

    PaymentsOfContracts(PaymentRepository payments) {
        this.payments = payments;
    }

    @Override
    public boolean isPaid(UUID contractId) {
        return payments.findFirstByContractIdOrderByAttemptDesc(contractId)
                .map(p -> PAID.contains(p.getStatus()))
                .orElse(false);
    }

    @Override
    public Optional<String> latestStatus(UUID contractId) {
        return payments.findFirstByContractIdOrderByAttemptDesc(contractId)
                .map(Payment::getStatus)
                .map(Enum::name);
    }

    @Override
    public Map<UUID, String> latestStatuses(Collection<UUID> contractIds) {
        if (contractIds.isEmpty()) {
            return Map.of();
        }
        return payments.findLatestOfContracts(contractIds).stream()
                .collect(Collectors.toMap(
                        Payment::getContractId, p -> p.getStatus().name()));
    }
}
