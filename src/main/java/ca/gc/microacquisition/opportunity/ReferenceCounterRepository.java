package ca.gc.microacquisition.opportunity;



import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ReferenceCounterRepository extends JpaRepository<ReferenceCounter, Integer> {

    /**
     * Takes the year's next number in one UPDATE: the database applies it to the latest committed row under the
     * row lock, so concurrent requests never get the same number (a locking read can return a stale row on H2).
     *
     * @return the number of rows updated: 0 when the year has no counter yet
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ReferenceCounter c set c.lastNumber = c.lastNumber + 1 where c.counterYear = :year")
    int increment(int year);

    @Query("select c.lastNumber from ReferenceCounter c where c.counterYear = :year")
    int lastNumber(int year);
}
