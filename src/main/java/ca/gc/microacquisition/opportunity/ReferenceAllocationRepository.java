package ca.gc.microacquisition.opportunity;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReferenceAllocationRepository extends JpaRepository<ReferenceAllocation, ReferenceAllocation.Key> {

    @Query("select coalesce(max(a.number), 0) from ReferenceAllocation a where a.year = :year")
    int lastNumber(int year);
}
