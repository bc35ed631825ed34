package ca.gc.microacquisition.proposal;

import ca.gc.microacquisition.common.DomainValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saves a supplier's unfinished proposal so that it can be finished later; removed once the proposal is sent. */
@Service
@Transactional
public class ProposalDrafts {

    private final ProposalDraftRepository drafts;
    private final Clock clock;

    ProposalDrafts(ProposalDraftRepository drafts, Clock clock) {
        this.drafts = drafts;
        this.clock = clock;
    }

    public ProposalDraft save(UUID opportunityId, UUID supplierId, String content) {
        if (content == null || content.length() > ProposalDraft.MAX_CONTENT) {
            throw new DomainValidationException(
                    "draft", "is too long to be saved (at most " + ProposalDraft.MAX_CONTENT + " characters in all)");
        }
        ProposalDraft d = drafts.findByOpportunityIdAndSupplierId(opportunityId, supplierId)
                .orElseGet(() -> new ProposalDraft(opportunityId, supplierId));
        d.update(content, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        return drafts.save(d);
    }

    @Transactional(readOnly = true)
    public Optional<ProposalDraft> find(UUID opportunityId, UUID supplierId) {
        return drafts.findByOpportunityIdAndSupplierId(opportunityId, supplierId);
    }

    public void discard(UUID opportunityId, UUID supplierId) {
        drafts.findByOpportunityIdAndSupplierId(opportunityId, supplierId).ifPresent(drafts::delete);
    }
}
