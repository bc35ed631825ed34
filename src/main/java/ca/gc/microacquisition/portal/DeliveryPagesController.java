package ca.gc.microacquisition.portal;

import ca.gc.microacquisition.common.DomainValidationException;
import ca.gc.microacquisition.contract.Contract;
import ca.gc.microacquisition.contract.ContractService;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.opportunity.PublicText;
import ca.gc.microacquisition.supplier.SupplierPrincipal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The awarded supplier delivers its pull/merge request for a contract of its own. */
@Controller
class DeliveryPagesController {

    private final OpportunityService opportunities;
    private final ContractService contracts;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;

    DeliveryPagesController(
            OpportunityService opportunities, ContractService contracts, Messages messages, Clock clock, ZoneId zone) {
        this.opportunities = opportunities;
        this.contracts = contracts;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/{lang:en|fr}/contracts/{id}/delivery")
    String deliveryForm(
            @PathVariable UUID id, @AuthenticationPrincipal SupplierPrincipal me, Model model, Locale locale) {
        return delivery(model, own(id, me), locale, "", new FormErrors());
    }

    @PostMapping("/{lang:en|fr}/contracts/{id}/delivery")
    String deliver(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String pullRequestUrl,
            @AuthenticationPrincipal SupplierPrincipal me,
            Model model,
            Locale locale) {
        Contract c = own(id, me);
        FormErrors errors = new FormErrors();
        if (pullRequestUrl.isBlank()) {
            errors.add("pullRequestUrl", messages.get("deliver.error.required", locale));
            return delivery(model, c, locale, pullRequestUrl, errors);
        }
        try {
            contracts.submitDelivery(id, me.supplierId(), pullRequestUrl.strip());
        } catch (DomainValidationException invalid) {
            Opportunity o = opportunities.get(c.getOpportunityId());
            errors.add("pullRequestUrl", messages.get("deliver.error.notOfRepository", locale, o.getRepositoryUrl()));
            return delivery(model, c, locale, pullRequestUrl, errors);
        }
        return "redirect:/" + locale.getLanguage() + "/my?delivered";
    }

    private Contract own(UUID id, SupplierPrincipal me) {
        Contract c = contracts.get(id);
        if (!c.getSupplierId().equals(me.supplierId())) {
            throw new ca.gc.microacquisition.common.NotFoundException("There is no contract " + id + ".");
        }
        return c;
    }

    private String delivery(Model model, Contract c, Locale locale, String url, FormErrors errors) {
        Opportunity o = opportunities.get(c.getOpportunityId());
        model.addAttribute("o", page(o, locale));
        model.addAttribute("contractId", c.getId());
        model.addAttribute("status", c.getStatus().name());
        model.addAttribute("canDeliver", canDeliver(c));
        model.addAttribute("due", PublicText.dateTime(c.getDueDate(), locale, zone));
        model.addAttribute("pullRequestUrl", url);
        model.addAttribute("errors", errors);
        return "deliver";
    }

    private OpportunityPage page(Opportunity o, Locale locale) {
        return OpportunityPage.of(o, locale, zone, null, OffsetDateTime.now(clock));
    }

    /** Whether the contract waits for a delivery (or a new one after changes were requested). */
    static boolean canDeliver(Contract c) {
        return c.getStatus() == ca.gc.microacquisition.contract.ContractStatus.ACTIVE
                || c.getStatus() == ca.gc.microacquisition.contract.ContractStatus.CHANGES_REQUESTED;
    }
}
