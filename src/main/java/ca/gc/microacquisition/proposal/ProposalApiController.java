package ca.gc.microacquisition.proposal;

import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityRepository;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.supplier.SupplierPrincipal;
import ca.gc.microacquisition.supplier.SupplierService;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A supplier's proposals. */
@RestController
class ProposalApiController {

    private final ProposalService proposals;
    private final EvaluationService evaluations;
    private final OpportunityRepository opportunities;
    private final SupplierService suppliers;

    ProposalApiController(
            ProposalService proposals,
            EvaluationService evaluations,
            OpportunityRepository opportunities,
            SupplierService suppliers) {
        this.proposals = proposals;
        this.evaluations = evaluations;
        this.opportunities = opportunities;
        this.suppliers = suppliers;
    }

    @PostMapping("/api/opportunities/{ref}/proposals")
    ResponseEntity<Map<String, Object>> submit(
            @PathVariable String ref,
            @RequestBody ProposalSubmission body,
            @AuthenticationPrincipal SupplierPrincipal me) {
        Proposal p = proposals.submit(ref, me.supplierId(), body);
        return ResponseEntity.created(URI.create("/api/me/proposals"))
                .body(Map.of("id", p.getId(), "status", p.getStatus().name(), "label", p.getLabel()));
    }

    record MyProposal(UUID id, String opportunityRef, String status, String debrief) {}

    /** The signed-in supplier's own proposals, with the debrief once the opportunity is awarded or cancelled. */
    @GetMapping("/api/me/proposals")
    List<MyProposal> mine(@AuthenticationPrincipal SupplierPrincipal me) {
        Supplier supplier = suppliers.get(me.supplierId());
        Map<UUID, String> refs = new HashMap<>();
        return proposals.forSupplier(me.supplierId()).stream()
                .map(p -> new MyProposal(
                        p.getId(),
                        refs.computeIfAbsent(
                                p.getOpportunityId(),
                                id -> opportunities
                                        .findById(id)
                                        .map(Opportunity::getReference)
                                        .orElse(null)),
                        p.getStatus().name(),
                        evaluations.debrief(p.getId(), supplier.getLanguage()).orElse(null)))
                .toList();
    }
}
