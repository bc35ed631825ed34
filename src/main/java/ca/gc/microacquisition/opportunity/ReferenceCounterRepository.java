package ca.gc.microacquisition.opportunity;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ReferenceCounterRepository extends JpaRepository<ReferenceCounter, Integer> {

    /** Reads the year's counter and locks its row until the transaction ends (SELECT ... FOR UPDATE). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ReferenceCounter c where c.counterYear = :year")
    Optional<ReferenceCounter> lockYear(int year);
}
