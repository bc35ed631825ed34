package ca.gc.microacquisition.supplier;

/** The supplier's declared right to work in Canada. */
public enum ResidencyStatus {
    CITIZEN,
    INDIGENOUS,
    PERMANENT_RESIDENT,
    WORK_PERMIT
}
