package ca.gc.microacquisition.supplier;

/**
 * A new supplier account as sent to {@code POST /api/suppliers}.
 *
 * @param language {@code en} or {@code fr}: the language of the messages the supplier receives
 */
public record SupplierRegistration(
        String email, String password, String displayName, String language, Declarations declarations) {

    /**
     * The eligibility declarations.
     *
     * @param status CITIZEN, INDIGENOUS, PERMANENT_RESIDENT or WORK_PERMIT
     */
    public record Declarations(Boolean ageOfMajority, String status, Boolean canAcceptCardOrPayPal) {}
}
