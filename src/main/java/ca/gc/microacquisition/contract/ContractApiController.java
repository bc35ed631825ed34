package ca.gc.microacquisition.contract;

import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityRepository;
import ca.gc.microacquisition.opportunity.OpportunityView;
import ca.gc.microacquisition.supplier.SupplierPrincipal;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A supplier's contracts and deliveries. */
@RestController
class ContractApiController {

    private final ContractService contracts;
    private final OpportunityRepository opportunities;
    private final ContractPayments payments;
    private final ZoneId zone;

    ContractApiController(
            ContractService contracts, OpportunityRepository opportunities, ContractPayments payments, ZoneId zone) {
        this.contracts = contracts;
        this.opportunities = opportunities;
        this.payments = payments;
        this.zone = zone;
    }

    record MyContract(
            UUID id,
            String opportunityRef,
            String status,
            String price,
            String currency,
            String dueDate,
            String paymentStatus) {}

    /** The signed-in supplier's own contracts. */
    @GetMapping("/api/me/contracts")
    List<MyContract> mine(@AuthenticationPrincipal SupplierPrincipal me) {
        // Three queries whatever the number of contracts: the contracts, their opportunities, their latest payments.
        List<Contract> mine = contracts.forSupplier(me.supplierId());
        Map<UUID, String> references =
                opportunities
                        .findAllById(mine.stream()
                                .map(Contract::getOpportunityId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(Opportunity::getId, Opportunity::getReference));
        Map<UUID, String> paymentStatuses =
                payments.latestStatuses(mine.stream().map(Contract::getId).toList());
        return mine.stream()
                .map(c -> new MyContract(
                        c.getId(),
                        references.get(c.getOpportunityId()),
                        c.getStatus().name(),
                        c.getPrice().toPlainString(),
                        c.getCurrency(),
                        OpportunityView.format(c.getDueDate(), zone),
                        paymentStatuses.get(c.getId())))
                .toList();
    }

    record DeliveryRequest(String pullRequestUrl) {}

    /** The awarded supplier delivers its pull/merge request. */
    @PostMapping("/api/contracts/{id}/deliveries")
    ResponseEntity<Map<String, Object>> deliver(
            @PathVariable UUID id, @RequestBody DeliveryRequest body, @AuthenticationPrincipal SupplierPrincipal me) {
        Delivery d = contracts.submitDelivery(id, me.supplierId(), body.pullRequestUrl());
        return ResponseEntity.created(URI.create("/api/me/contracts"))
                .body(Map.of("id", d.getId(), "status", d.getStatus().name(), "pullRequestUrl", d.getPullRequestUrl()));
    }
}
