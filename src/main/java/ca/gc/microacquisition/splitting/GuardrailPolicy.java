package ca.gc.microacquisition.splitting;

/**
 * Where the contract-splitting policy comes from: the latest version of the {@code SplittingPolicy} decision,
 * which CFOB changes by deploying a new version of {@code ContractSplitting.dmn}. Implemented by the process layer.
 */
public interface GuardrailPolicy {

    /**
     * The policy in force now.
     *
     * @throws IllegalStateException when the policy cannot be read (the decision is missing or gives no single
     *                               answer): the check then stops instead of running with other figures
     */
    SplittingPolicy current();
}
