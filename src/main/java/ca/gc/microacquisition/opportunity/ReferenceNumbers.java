package ca.gc.microacquisition.opportunity;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out procurement references, {@code MA-<year>-<4 digits>}, numbered from 1 each year. Each number is
 * claimed by inserting it (in a transaction of its own) into a table whose primary key is the year and number:
 * two concurrent requests can never claim the same one, and the loser simply takes the next. A request that is
 * refused after its number was claimed leaves a gap, which the allocation table explains.
 */
@Component
public class ReferenceNumbers {

    private static final int ATTEMPTS = 50;

    private final Claimer claimer;

    ReferenceNumbers(Claimer claimer) {
        this.claimer = claimer;
    }

    public String next(int year) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return "MA-%d-%04d".formatted(year, claimer.claimNext(year));
            } catch (DataIntegrityViolationException taken) {
                // another request claimed that number first: take the next one
            }
        }
        throw new IllegalStateException(
                "Could not claim a reference number for " + year + " after " + ATTEMPTS + " attempts");
    }

    /**
     * Claims the year's next free number in its own transaction. It inserts (persist, never merge), so a number
     * already claimed fails on the primary key; as a repository, that failure arrives as a
     * {@link DataIntegrityViolationException}.
     */
    @Repository
    static class Claimer {

        private final ReferenceAllocationRepository allocations;
        private final EntityManager entityManager;
        private final Clock clock;

        Claimer(ReferenceAllocationRepository allocations, EntityManager entityManager, Clock clock) {
            this.allocations = allocations;
            this.entityManager = entityManager;
            this.clock = clock;
        }

        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public int claimNext(int year) {
            int number = allocations.lastNumber(year) + 1;
            entityManager.persist(new ReferenceAllocation(year, number, OffsetDateTime.now(clock)));
            entityManager.flush();
            return number;
        }
    }
}
