package ca.gc.microacquisition.audit;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One procurement as the audit search lists it: the request (domain tables) joined with its process instance
 * (history). {@code state} is the process instance's state (ACTIVE, COMPLETED, EXTERNALLY_TERMINATED, ...).
 */
public record ProcurementSummary(
        String reference,
        String processInstanceId,
        String state,
        String title,
        String requester,
        String department,
        String team,
        BigDecimal value,
        String opportunityStatus,
        List<String> suppliers,
        OffsetDateTime requestedAt,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt) {}
