package ca.gc.microacquisition.proposal;

import ca.gc.microacquisition.common.ConflictException;

/** A second proposal for one opportunity from the same supplier behind another account. HTTP 409. */
public class SameSupplierException extends ConflictException {

    public SameSupplierException(String message) {
        super(message);
    }
}
