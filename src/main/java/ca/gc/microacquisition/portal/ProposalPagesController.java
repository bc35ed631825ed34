package ca.gc.microacquisition.portal;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.DomainValidationException;
import ca.gc.microacquisition.common.FieldProblem;
import ca.gc.microacquisition.opportunity.EvaluationCriterion;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.opportunity.PublicText;
import ca.gc.microacquisition.proposal.Proposal;
import ca.gc.microacquisition.proposal.ProposalDrafts;
import ca.gc.microacquisition.proposal.ProposalService;
import ca.gc.microacquisition.proposal.ProposalSubmission;
import ca.gc.microacquisition.proposal.SameSupplierException;
import ca.gc.microacquisition.supplier.SupplierPrincipal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A signed-in supplier writes and sends a proposal, with a saved draft. Goes through the same domain service as the
 * supplier API.
 */
@Controller
class ProposalPagesController {

    static final List<String> REGIONS =
            List.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT");
    static final List<String> GROUPS = List.of("WOMEN", "INDIGENOUS", "DISABILITY", "VISIBLE_MINORITY", "2SLGBTQI");

    private final OpportunityService opportunities;
    private final ProposalService proposals;
    private final ProposalDrafts drafts;
    private final Messages messages;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;

    ProposalPagesController(
            OpportunityService opportunities,
            ProposalService proposals,
            ProposalDrafts drafts,
            Messages messages,
            ObjectMapper json,
            Clock clock,
            ZoneId zone) {
        this.opportunities = opportunities;
        this.proposals = proposals;
        this.drafts = drafts;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/{lang:en|fr}/opportunities/{ref}/propose")
    String proposalForm(
            @PathVariable String ref, @AuthenticationPrincipal SupplierPrincipal me, Model model, Locale locale) {
        Opportunity o = opportunities.getPublic(ref);
        ProposalForm form = drafts.find(o.getId(), me.supplierId())
                .map(d -> read(d.getContent()))
                .orElseGet(ProposalForm::new);
        model.addAttribute(
                "draftSaved",
                drafts.find(o.getId(), me.supplierId())
                        .map(d -> PublicText.dateTime(d.getUpdatedAt(), locale, zone))
                        .orElse(null));
        return proposal(model, o, locale, form, new FormErrors(), me);
    }

    @PostMapping("/{lang:en|fr}/opportunities/{ref}/propose")
    String propose(
            @PathVariable String ref,
            @RequestParam MultiValueMap<String, String> params,
            @AuthenticationPrincipal SupplierPrincipal me,
            Model model,
            Locale locale) {
        Opportunity o = opportunities.getPublic(ref);
        ProposalForm form = ProposalForm.from(params, o.getEvaluationCriteria());
        if ("draft".equals(params.getFirst("action"))) {
            drafts.save(o.getId(), me.supplierId(), write(form));
            model.addAttribute("draftSaved", PublicText.dateTime(OffsetDateTime.now(clock), locale, zone));
            return proposal(model, o, locale, form, new FormErrors(), me);
        }
        FormErrors errors = new FormErrors();
        for (EvaluationCriterion c : o.getEvaluationCriteria()) {
            String text = form.statements.getOrDefault(c.getCriterionId(), "").strip();
            if (text.isEmpty()) {
                errors.add(
                        "statement-" + c.getCriterionId(),
                        messages.get("propose.error.statement", locale, c.getCriterionId()));
            } else if (text.length() > 4000) {
                errors.add("statement-" + c.getCriterionId(), messages.get("propose.error.statementLong", locale));
            }
        }
        if (!form.declarationsConfirmed) {
            errors.add("declarationsConfirmed", messages.get("propose.error.declarations", locale));
        }
        if (!form.acceptTerms) {
            errors.add("acceptTerms", messages.get("propose.error.terms", locale));
        }
        if (!errors.any()) {
            try {
                Proposal p = proposals.submit(o.getReference(), me.supplierId(), form.submission());
                drafts.discard(o.getId(), me.supplierId());
                return "redirect:/" + locale.getLanguage() + "/my?sent=" + p.getId();
            } catch (DomainValidationException invalid) {
                for (FieldProblem p : invalid.getProblems()) {
                    errors.add(
                            p.field().equals("declarations") ? "declarationsConfirmed" : "statements",
                            messages.get(
                                    p.field().equals("declarations")
                                            ? "propose.error.accountDeclarations"
                                            : "propose.error.other",
                                    locale));
                }
            } catch (SameSupplierException sameSupplier) {
                errors.add("statements", messages.get("propose.error.sameSupplier", locale));
                model.addAttribute("refusal", sameSupplier.getMessage());
            } catch (ConflictException refused) {
                errors.add("statements", messages.get("propose.error.closed", locale));
                model.addAttribute("refusal", refused.getMessage());
            }
        }
        return proposal(model, o, locale, form, errors, me);
    }

    private String proposal(
            Model model, Opportunity o, Locale locale, ProposalForm form, FormErrors errors, SupplierPrincipal me) {
        model.addAttribute("o", page(o, locale));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("regions", REGIONS);
        model.addAttribute("groups", GROUPS);
        model.addAttribute(
                "alreadySent",
                proposals.forSupplier(me.supplierId()).stream()
                        .anyMatch(p -> p.getOpportunityId().equals(o.getId())));
        if (!model.containsAttribute("draftSaved")) {
            model.addAttribute("draftSaved", null);
        }
        return "propose";
    }

    private OpportunityPage page(Opportunity o, Locale locale) {
        return OpportunityPage.of(o, locale, zone, null, OffsetDateTime.now(clock));
    }

    private ProposalForm read(String content) {
        try {
            return json.readValue(content, ProposalForm.class);
        } catch (JsonProcessingException e) {
            return new ProposalForm();
        }
    }

    private String write(ProposalForm form) {
        try {
            return json.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The proposal form's content (also what a draft keeps). */
    public static class ProposalForm {
        public Map<String, String> statements = new LinkedHashMap<>();
        public boolean declarationsConfirmed;
        public boolean acceptTerms;
        public String firstGovernmentContract;
        public String region;
        public boolean smallBusiness;
        public boolean freelancer;
        public List<String> groups = new ArrayList<>();

        public String statement(String criterionId) {
            return statements.getOrDefault(criterionId, "");
        }

        public boolean hasGroup(String group) {
            return groups.contains(group);
        }

        static ProposalForm from(MultiValueMap<String, String> params, List<EvaluationCriterion> criteria) {
            ProposalForm f = new ProposalForm();
            for (EvaluationCriterion c : criteria) {
                String text = params.getFirst("statement-" + c.getCriterionId());
                f.statements.put(c.getCriterionId(), text == null ? "" : text);
            }
            f.declarationsConfirmed = params.containsKey("declarationsConfirmed");
            f.acceptTerms = params.containsKey("acceptTerms");
            String first = params.getFirst("firstGovernmentContract");
            f.firstGovernmentContract = "yes".equals(first) || "no".equals(first) ? first : null;
            String region = params.getFirst("region");
            f.region = region != null && REGIONS.contains(region) ? region : null;
            f.smallBusiness = params.containsKey("smallBusiness");
            f.freelancer = params.containsKey("freelancer");
            List<String> groups = params.get("groups");
            if (groups != null) {
                groups.stream()
                        .filter(g -> g != null && GROUPS.contains(g))
                        .distinct()
                        .forEach(f.groups::add);
            }
            return f;
        }

        ProposalSubmission submission() {
            List<ProposalSubmission.Statement> list = new ArrayList<>();
            statements.forEach((id, text) -> list.add(new ProposalSubmission.Statement(id, text)));
            boolean anySelf = firstGovernmentContract != null
                    || region != null
                    || smallBusiness
                    || freelancer
                    || !groups.isEmpty();
            ProposalSubmission.SelfIdentificationData self = anySelf
                    ? new ProposalSubmission.SelfIdentificationData(
                            firstGovernmentContract == null ? null : "yes".equals(firstGovernmentContract),
                            region,
                            smallBusiness ? Boolean.TRUE : null,
                            freelancer ? Boolean.TRUE : null,
                            List.copyOf(groups))
                    : null;
            return new ProposalSubmission(list, acceptTerms, self);
        }
    }
}
