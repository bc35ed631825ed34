package ca.gc.microacquisition.opportunity;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out procurement references MA-&lt;year&gt;-&lt;nnnn&gt;, one counter per year. The counter row is locked for
 * the caller's transaction, so concurrent requests get distinct numbers and a rolled-back request gives its
 * number back.
 */
@Component
public class ReferenceNumbers {

    private final ReferenceCounterRepository counters;
    private final CounterCreator creator;

    ReferenceNumbers(ReferenceCounterRepository counters, CounterCreator creator) {
        this.counters = counters;
        this.creator = creator;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(int year) {
        if (counters.increment(year) == 0) {
            try {
                creator.createIfMissing(year);
            } catch (DataAccessException alreadyCreated) {
                // a concurrent request created the year's counter first
            }
            if (counters.increment(year) == 0) {
                throw new IllegalStateException("No reference counter for " + year);
            }
        }
        return "MA-%d-%04d".formatted(year, counters.lastNumber(year));
    }

    /** Creates a year's counter row in its own transaction; a concurrent creator winning the race is fine. */
    @Component
    static class CounterCreator {

        private final ReferenceCounterRepository counters;

        CounterCreator(ReferenceCounterRepository counters) {
            this.counters = counters;
        }

        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public void createIfMissing(int year) {
            if (!counters.existsById(year)) {
                counters.saveAndFlush(new ReferenceCounter(year));
            }
        }
    }
}
