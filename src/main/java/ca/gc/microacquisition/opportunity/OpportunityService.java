package ca.gc.microacquisition.opportunity;

import static ca.gc.microacquisition.common.Texts.truncate;
import static ca.gc.microacquisition.common.Times.utcNow;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.Inputs;
import ca.gc.microacquisition.common.NotFoundException;
import ca.gc.microacquisition.common.Problems;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Requests and opportunities: intake, posting, the proposal period, cancellation (questions: {@link QuestionService}). */
@Service
@Transactional
public class OpportunityService {

    /**
     * The largest amount the service can store (numeric(12,2)). This is input sanity, not the pilot's limit: the
     * micro-acquisition limit lives only in the decision tables (SplittingPolicy threshold, read by Eligibility),
     * so a request over it is taken and ends ineligible with every reason.
     */
    static final BigDecimal STORABLE_VALUE = new BigDecimal("9999999999.99");

    static final Duration MIN_DEADLINE_LEAD = Duration.ofHours(1);
    static final Duration MAX_DEADLINE_LEAD = Duration.ofDays(90);

    private static final EnumSet<OpportunityStatus> CANCELLABLE = EnumSet.of(
            OpportunityStatus.DRAFT, OpportunityStatus.OPEN, OpportunityStatus.CLOSED, OpportunityStatus.EVALUATION);

    private final OpportunityRepository opportunities;
    private final ReferenceNumbers referenceNumbers;
    private final ProposalsReceived proposals;
    private final Clock clock;
    private final ZoneId zone;
    private final ApplicationEventPublisher events;

    OpportunityService(
            OpportunityRepository opportunities,
            ReferenceNumbers referenceNumbers,
            ProposalsReceived proposals,
            Clock clock,
            ZoneId zone,
            ApplicationEventPublisher events) {
        this.events = events;
        this.opportunities = opportunities;
        this.referenceNumbers = referenceNumbers;
        this.proposals = proposals;
        this.clock = clock;
        this.zone = zone;
    }

    /** Validates a request (every problem at once), gives it a reference and stores it as DRAFT. */
    public Opportunity registerRequest(RequestDetails d) {
        OffsetDateTime now = now();
        Problems p = new Problems("The request");
        if (d == null) {
            p.add("request", "is required").throwIfAny();
        }
        String title = p.text("title", d.title(), 5, 200);
        String summary = p.text("summary", d.summary(), 1, 1000);
        String workDescription = p.text("workDescription", d.workDescription(), 1, 4000);
        String acceptance = p.text("acceptanceCriteria", d.acceptanceCriteria(), 1, 4000);
        String evaluation = p.text("evaluationCriteria", d.evaluationCriteria(), 1, 4000);
        String skills = p.optionalText("skills", d.skills(), 4000);
        if (acceptance != null && lines(acceptance).isEmpty()) {
            p.add("acceptanceCriteria", "needs at least one criterion (one per line)");
        }
        List<EvaluationCriterion> criteria = new ArrayList<>();
        if (evaluation != null) {
            List<String> lines = lines(evaluation);
            if (lines.isEmpty()) {
                p.add("evaluationCriteria", "needs at least one pass/fail criterion (one per line)");
            }
            for (int i = 0; i < lines.size(); i++) {
                criteria.add(new EvaluationCriterion("C" + (i + 1), lines.get(i)));
            }
        }
        BigDecimal price = Inputs.money(p, "estimatedValue", d.estimatedValue());
        if (price != null) {
            if (price.signum() <= 0) {
                p.add("estimatedValue", "must be more than $0.00");
            } else if (price.compareTo(STORABLE_VALUE) > 0) {
                p.add("estimatedValue", "is not a plausible amount (at most $9,999,999,999.99)");
            }
        }
        SecurityClassification classification = null;
        if (d.securityClassification() == null || d.securityClassification().isBlank()) {
            p.add("securityClassification", "is required (UNCLASSIFIED, PROTECTED_A, PROTECTED_B or SECRET)");
        } else {
            try {
                classification = SecurityClassification.valueOf(
                        d.securityClassification().strip());
            } catch (IllegalArgumentException e) {
                p.add("securityClassification", "must be one of UNCLASSIFIED, PROTECTED_A, PROTECTED_B, SECRET");
            }
        }
        if (d.remoteWork() == null) {
            p.add("remoteWork", "is required (true or false)");
        }
        String repositoryUrl = p.text("repositoryUrl", d.repositoryUrl(), 1, 500);
        if (repositoryUrl != null && !p.has("repositoryUrl") && !isRepositoryUrl(repositoryUrl)) {
            p.add(
                    "repositoryUrl",
                    "must be a repository address such as https://github.com/owner/name " + "or local://owner/name");
        }
        String licence = p.text("license", d.license(), 1, 100);
        if (d.containsPersonalInformation() == null) {
            p.add("containsPersonalInformation", "is required (true or false)");
        }
        OffsetDateTime deadline = Inputs.dateTime(p, "proposalDeadline", d.proposalDeadline());
        if (deadline != null) {
            deadline = deadline.truncatedTo(ChronoUnit.SECONDS);
            checkDeadline(p, "proposalDeadline", deadline, now);
        }
        Integer deliveryDays = Inputs.integer(p, "deliveryDays", d.deliveryDays());
        if (deliveryDays != null && (deliveryDays < 1 || deliveryDays > 90)) {
            p.add("deliveryDays", "must be between 1 and 90 days");
        }
        String department = p.text("department", d.department(), 1, 100);
        String team = p.text("team", d.team(), 1, 200);
        String requester = p.text("requester", d.requester(), 1, 100);
        String titleFr = p.optionalText("titleFr", d.titleFr(), 200);
        String summaryFr = p.optionalText("summaryFr", d.summaryFr(), 1000);
        String acceptanceFr = p.optionalText("acceptanceCriteriaFr", d.acceptanceCriteriaFr(), 4000);
        String evaluationFr = p.optionalText("evaluationCriteriaFr", d.evaluationCriteriaFr(), 4000);
        if (evaluationFr != null
                && !p.has("evaluationCriteriaFr")
                && evaluation != null
                && lines(evaluationFr).size() != lines(evaluation).size()) {
            p.add(
                    "evaluationCriteriaFr",
                    "needs one French criterion per English criterion, in the same order ("
                            + lines(evaluation).size() + " lines)");
        }
        p.throwIfAny();

        String reference = referenceNumbers.next(now.atZoneSameInstant(zone).getYear());
        Opportunity o = new Opportunity(
                reference,
                title,
                summary,
                workDescription,
                acceptance,
                criteria,
                skills,
                price,
                classification,
                d.remoteWork(),
                repositoryUrl,
                licence,
                d.containsPersonalInformation(),
                deadline,
                deliveryDays,
                department.toUpperCase(Locale.ROOT),
                team,
                requester,
                now);
        o.translations(titleFr, summaryFr, acceptanceFr, evaluationFr);
        o.markTest(Boolean.TRUE.equals(d.testOpportunity()));
        return opportunities.save(o);
    }

    @Transactional(readOnly = true)
    public Opportunity get(UUID id) {
        return opportunities
                .findById(id)
                .orElseThrow(() -> new NotFoundException("There is no opportunity with id " + id + "."));
    }

    @Transactional(readOnly = true)
    public Opportunity getByReference(String ref) {
        return opportunities
                .findByReference(ref == null ? "" : ref.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("There is no opportunity " + ref + "."));
    }

    /** Not eligible: referred to regular procurement, with the reasons kept. */
    public void refer(UUID id, List<String> reasons) {
        Opportunity o = get(id);
        requireStatus(o, "refer it", EnumSet.of(OpportunityStatus.DRAFT, OpportunityStatus.REFERRED));
        String text = reasons == null ? "" : String.join("\n", reasons);
        o.refer(text.length() > 4000 ? text.substring(0, 4000) : text);
    }

    /** Posts the opportunity with at least an hour left for proposals (see {@link #publish(UUID, Duration)}). */
    public Optional<OffsetDateTime> publish(UUID id) {
        return publish(id, MIN_DEADLINE_LEAD);
    }

    /**
     * Posts the opportunity: OPEN, visible to the public from now on, and open for proposals at least
     * {@code minimumPosting} from now. The deadline was fixed on the request form; if the steps before posting used
     * part of it up, the deadline moves to now + the minimum, rounded up to the next full hour. Also for a repost
     * (already OPEN): its new deadline gets the same guarantee.
     *
     * @return the deadline before it moved, when it moved
     */
    public Optional<OffsetDateTime> publish(UUID id, Duration minimumPosting) {
        Opportunity o = get(id);
        if (o.getStatus() != OpportunityStatus.OPEN) {
            requireStatus(o, "post it", EnumSet.of(OpportunityStatus.DRAFT));
        }
        OffsetDateTime now = now();
        Optional<OffsetDateTime> moved = Optional.empty();
        OffsetDateTime earliest = now.plus(minimumPosting);
        if (o.getProposalDeadline().isBefore(earliest)) {
            OffsetDateTime hour = earliest.truncatedTo(ChronoUnit.HOURS);
            OffsetDateTime deadline = hour.isBefore(earliest) ? hour.plusHours(1) : hour;
            moved = Optional.of(o.getProposalDeadline());
            o.moveDeadline(deadline);
        }
        if (o.getStatus() == OpportunityStatus.DRAFT) {
            o.publish(now);
            changed(o, OpportunityStatus.DRAFT);
        }
        return moved;
    }

    /** The deadline has passed: EVALUATION when there is at least one proposal, else CLOSED. */
    public ProposalPeriodResult closeProposals(UUID id) {
        Opportunity o = get(id);
        int count = (int) proposals.inCurrentRound(id);
        if (o.getStatus() == OpportunityStatus.CLOSED || o.getStatus() == OpportunityStatus.EVALUATION) {
            return new ProposalPeriodResult(count);
        }
        requireStatus(o, "close the proposal period", EnumSet.of(OpportunityStatus.OPEN));
        o.close(count > 0 ? OpportunityStatus.EVALUATION : OpportunityStatus.CLOSED, now());
        changed(o, OpportunityStatus.OPEN);
        return new ProposalPeriodResult(count);
    }

    /** No (passing) proposals: posts again with a new deadline. */
    public void repost(UUID id, Object newDeadline) {
        Opportunity o = get(id);
        Problems p = new Problems("The new deadline");
        OffsetDateTime deadline = Inputs.dateTime(p, "newProposalDeadline", newDeadline);
        if (deadline != null) {
            deadline = deadline.truncatedTo(ChronoUnit.SECONDS);
            checkDeadline(p, "newProposalDeadline", deadline, now());
        }
        p.throwIfAny();
        requireStatus(
                o,
                "post it again",
                EnumSet.of(OpportunityStatus.CLOSED, OpportunityStatus.EVALUATION, OpportunityStatus.OPEN));
        OpportunityStatus before = o.getStatus();
        o.repost(deadline);
        changed(o, before);
    }

    /** Withdraws the request (before award only) and tells every supplier who sent a proposal. */
    public void cancel(UUID id, String reason, String actor) {
        cancel(id, reason, actor, true);
    }

    /**
     * Withdraws the request until a contract is in force, and tells every supplier who sent a proposal: before the
     * first award, or after the awarded contract was terminated and before the work is awarded again
     * ({@code contractInForce} false).
     */
    public void cancel(UUID id, String reason, String actor, boolean contractInForce) {
        Opportunity o = get(id);
        if (o.getStatus() == OpportunityStatus.CANCELLED) {
            return;
        }
        boolean reAwardPending = o.getStatus() == OpportunityStatus.AWARDED && !contractInForce;
        if (!CANCELLABLE.contains(o.getStatus()) && !reAwardPending) {
            throw new ConflictException("Opportunity " + o.getReference() + " is " + o.getStatus()
                    + " and can no longer be cancelled (only before award).");
        }
        String why = reason == null || reason.isBlank() ? null : truncate(reason.strip(), 1000);
        OpportunityStatus before = o.getStatus();
        o.cancel(why, actor, now());
        changed(o, before);
        events.publishEvent(new OpportunityWithdrawn(
                o.getId(), o.getReference(), o.getTitle(), OpportunityWithdrawn.Kind.CANCELLED, why));
    }

    /**
     * No passing proposal is left to offer the work to (e.g. the contract was terminated for non-delivery and no
     * runner-up remains): the opportunity ends as CANCELLED with the reason, and every proponent is told.
     */
    public void closeWithoutSupplier(UUID id, String reason) {
        Opportunity o = get(id);
        if (o.getStatus() == OpportunityStatus.CANCELLED) {
            return;
        }
        requireStatus(
                o,
                "close it without a supplier",
                EnumSet.of(OpportunityStatus.CLOSED, OpportunityStatus.EVALUATION, OpportunityStatus.AWARDED));
        String why = reason == null || reason.isBlank()
                ? "No passing proposal is left to offer the work to."
                : truncate(reason.strip(), 1000);
        OpportunityStatus before = o.getStatus();
        o.cancel(why, "system", now());
        changed(o, before);
        events.publishEvent(new OpportunityWithdrawn(
                o.getId(), o.getReference(), o.getTitle(), OpportunityWithdrawn.Kind.CLOSED_WITHOUT_SUPPLIER, why));
    }

    public void markAwarded(UUID id) {
        Opportunity o = get(id);
        requireStatus(o, "award it", EnumSet.of(OpportunityStatus.EVALUATION, OpportunityStatus.AWARDED));
        OpportunityStatus before = o.getStatus();
        o.award(now());
        if (before != OpportunityStatus.AWARDED) {
            changed(o, before);
        }
    }

    public void complete(UUID id) {
        Opportunity o = get(id);
        if (o.getStatus() == OpportunityStatus.COMPLETED) {
            return;
        }
        requireStatus(o, "complete it", EnumSet.of(OpportunityStatus.AWARDED));
        o.complete(now());
        changed(o, OpportunityStatus.AWARDED);
    }

    /** Tells listeners (subscribers' notices, the static export) that a posted opportunity changed state. */
    private void changed(Opportunity o, OpportunityStatus previous) {
        if (o.getPostedAt() != null) {
            events.publishEvent(new OpportunityStateChanged(
                    o.getId(), o.getReference(), previous, o.getStatus(), o.isTestOpportunity()));
        }
    }

    /** Posted opportunities for the public: open ones, or (all = true) every posted one, newest first. */
    @Transactional(readOnly = true)
    public List<Opportunity> listPublic(boolean all) {
        if (all) {
            return opportunities.findByPostedAtIsNotNullAndTestOpportunityFalseOrderByPostedAtDesc();
        }
        return opportunities.findByStatusAndTestOpportunityFalseOrderByProposalDeadlineAsc(OpportunityStatus.OPEN);
    }

    /** A posted opportunity by reference; drafts, referred requests and test opportunities are not public. */
    @Transactional(readOnly = true)
    public Opportunity getPublic(String ref) {
        Opportunity o = getByReference(ref);
        if (!o.isPublic()) {
            throw new NotFoundException("There is no opportunity " + ref + ".");
        }
        return o;
    }

    private void checkDeadline(Problems p, String field, OffsetDateTime deadline, OffsetDateTime now) {
        if (deadline.isBefore(now.plus(MIN_DEADLINE_LEAD))) {
            p.add(field, "must be in the future, at least 1 hour from now");
        } else if (deadline.isAfter(now.plus(MAX_DEADLINE_LEAD))) {
            p.add(field, "must be at most 90 days from now");
        }
    }

    private static void requireStatus(Opportunity o, String action, EnumSet<OpportunityStatus> allowed) {
        if (!allowed.contains(o.getStatus())) {
            throw new ConflictException(
                    "Cannot " + action + ": opportunity " + o.getReference() + " is " + o.getStatus() + ".");
        }
    }

    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    static boolean isRepositoryUrl(String url) {
        if (url.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if ("local".equalsIgnoreCase(scheme)) {
                String path = (uri.getAuthority() == null ? "" : uri.getAuthority()) + uri.getPath();
                return path.matches("[A-Za-z0-9._-]+/[A-Za-z0-9._-]+/?");
            }
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null
                    && uri.getPath() != null
                    && uri.getPath().length() > 1;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private OffsetDateTime now() {
        return utcNow(clock);
    }
}
