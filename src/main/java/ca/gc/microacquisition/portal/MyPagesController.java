package ca.gc.microacquisition.portal;

import ca.gc.microacquisition.contract.Contract;
import ca.gc.microacquisition.contract.ContractService;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.opportunity.PublicText;
import ca.gc.microacquisition.payment.Payment;
import ca.gc.microacquisition.payment.PaymentService;
import ca.gc.microacquisition.proposal.EvaluationService;
import ca.gc.microacquisition.proposal.Proposal;
import ca.gc.microacquisition.proposal.ProposalService;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.supplier.SupplierPrincipal;
import ca.gc.microacquisition.supplier.SupplierService;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A signed-in supplier's own page: its proposals (with their debriefs) and contracts (with their payment). */
@Controller
class MyPagesController {

    private final OpportunityService opportunities;
    private final ProposalService proposals;
    private final EvaluationService evaluations;
    private final ContractService contracts;
    private final PaymentService payments;
    private final SupplierService suppliers;
    private final ZoneId zone;

    MyPagesController(
            OpportunityService opportunities,
            ProposalService proposals,
            EvaluationService evaluations,
            ContractService contracts,
            PaymentService payments,
            SupplierService suppliers,
            ZoneId zone) {
        this.opportunities = opportunities;
        this.proposals = proposals;
        this.evaluations = evaluations;
        this.contracts = contracts;
        this.payments = payments;
        this.suppliers = suppliers;
        this.zone = zone;
    }

    /** A proposal as its supplier sees it. */
    public record MyProposal(String ref, String title, String status, String submitted, String debrief) {}

    /** A contract as its supplier sees it. */
    public record MyContract(
            UUID id,
            String ref,
            String title,
            String status,
            String price,
            String due,
            String payment,
            boolean canDeliver) {}

    @GetMapping("/{lang:en|fr}/my")
    String my(
            @RequestParam(required = false) String sent,
            @AuthenticationPrincipal SupplierPrincipal me,
            Model model,
            Locale locale) {
        Supplier supplier = suppliers.get(me.supplierId());
        List<MyProposal> mine = new ArrayList<>();
        for (Proposal p : proposals.forSupplier(me.supplierId())) {
            Opportunity o = opportunities.get(p.getOpportunityId());
            mine.add(new MyProposal(
                    o.getReference(),
                    PublicText.title(o, locale),
                    p.getStatus().name(),
                    PublicText.dateTime(p.getSubmittedAt(), locale, zone),
                    evaluations.debrief(p.getId(), locale.getLanguage()).orElse(null)));
        }
        List<MyContract> contractsOfMine = new ArrayList<>();
        for (Contract c : contracts.forSupplier(me.supplierId())) {
            Opportunity o = opportunities.get(c.getOpportunityId());
            contractsOfMine.add(new MyContract(
                    c.getId(),
                    o.getReference(),
                    PublicText.title(o, locale),
                    c.getStatus().name(),
                    PublicText.price(c.getPrice(), locale),
                    PublicText.dateTime(c.getDueDate(), locale, zone),
                    payments.latestFor(c.getId())
                            .map(Payment::getStatus)
                            .map(Enum::name)
                            .orElse(null),
                    DeliveryPagesController.canDeliver(c)));
        }
        model.addAttribute("supplier", supplier.getDisplayName());
        model.addAttribute("proposals", mine);
        model.addAttribute("contracts", contractsOfMine);
        model.addAttribute("justSent", sent != null);
        return "my";
    }
}
