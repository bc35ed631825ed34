package ca.gc.microacquisition.process;

/** Plain-language reasons for the ways a procurement can stop (codes are set on the diagram's flows). */
final class CloseReasons {

    private CloseReasons() {}

    static String describe(String code) {
        if (code == null) {
            return "Closed";
        }
        return switch (code) {
            case "CAPACITY_EXISTS" -> "The manager attested that the capacity exists in-house.";
            case "FUNDS_NOT_AVAILABLE" -> "The manager could not commit the funds (FAA section 32).";
            case "SPLITTING_BLOCKED" -> "Blocked by the contract-splitting guardrail.";
            case "SPLITTING_REJECTED" -> "A procurement officer rejected the contract-splitting referral.";
            case "PAYEE_NOT_READY" -> "The supplier had not set up how they get paid when the proposal was drawn.";
            case "NOT_DELIVERED" -> "The supplier did not deliver by the due date; the contract was terminated.";
            default -> code;
        };
    }
}
