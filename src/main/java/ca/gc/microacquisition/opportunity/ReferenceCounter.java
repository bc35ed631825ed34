package ca.gc.microacquisition.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last reference number given out in a year (MA-&lt;year&gt;-&lt;number&gt;). */
@Entity
@Table(name = "reference_counter")
public class ReferenceCounter {

    @Id
    @Column(name = "counter_year")
    private Integer counterYear;

    @Column(name = "last_number", nullable = false)
    private int lastNumber;

    protected ReferenceCounter() {
    }

    ReferenceCounter(int year) {
        this.counterYear = year;
        this.lastNumber = 0;
    }


    public int getLastNumber() {
        return lastNumber;
    }
}
