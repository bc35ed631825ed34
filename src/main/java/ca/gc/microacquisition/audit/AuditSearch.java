package ca.gc.microacquisition.audit;

import java.time.LocalDate;

/**
 * What an auditor searches by; every part is optional. Text parts match case-insensitively anywhere in the value
 * (reference, requester's user id, supplier's name or e-mail). Dates bound the day the request was made
 * (both inclusive, days in the service's time zone). {@code state}: {@code running}, {@code finished} or empty.
 */
public record AuditSearch(
        String reference, String requester, String supplier, LocalDate from, LocalDate to, String state) {

    public static AuditSearch all() {
        return new AuditSearch(null, null, null, null, null, null);
    }
}
