package ca.gc.microacquisition.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One reference number handed out (year and number); the primary key keeps numbers unique. */
@Entity
@Table(name = "reference_allocation")
@IdClass(ReferenceAllocation.Key.class)
class ReferenceAllocation {

    @Id
    @Column(name = "allocation_year")
    private Integer year;

    @Id
    @Column(name = "allocation_number")
    private Integer number;

    @Column(name = "allocated_at", nullable = false)
    private OffsetDateTime allocatedAt;

    protected ReferenceAllocation() {}

    ReferenceAllocation(int year, int number, OffsetDateTime allocatedAt) {
        this.year = year;
        this.number = number;
        this.allocatedAt = allocatedAt;
    }

    /** The composite key. */
    static class Key implements Serializable {
        private Integer year;
        private Integer number;

        protected Key() {}

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(year, k.year) && Objects.equals(number, k.number);
        }

        @Override
        public int hashCode() {
            return Objects.hash(year, number);
        }
    }
}
