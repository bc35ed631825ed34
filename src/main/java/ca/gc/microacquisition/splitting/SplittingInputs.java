package ca.gc.microacquisition.splitting;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inputs of the ContractSplitting decision for one opportunity, computed over the guardrail window.
 *
 * @param splittingScope          REQUEST (before posting) or SUPPLIER (before award)
 * @param estimatedValue          this opportunity's value, e.g. "8500.00"
 * @param sameTeamCount           the team's other requests in the window
 * @param sameTeamValue           their total value
 * @param sameRepositoryCount     other requests on the same repository in the window
 * @param sameRepositoryValue     their total value
 * @param nearThresholdCount      the team's other requests valued at least 90% of the threshold
 * @param supplierAwardCount      awards to the chosen supplier by the same team in the window (SUPPLIER scope)
 * @param supplierAwardValue      their total value
 * @param supplierCumulativeValue all awards to the chosen supplier in the window, total value
 */
public record SplittingInputs(
        String splittingScope,
        String estimatedValue,
        long sameTeamCount,
        BigDecimal sameTeamValue,
        long sameRepositoryCount,
        BigDecimal sameRepositoryValue,
        long nearThresholdCount,
        long supplierAwardCount,
        BigDecimal supplierAwardValue,
        BigDecimal supplierCumulativeValue) {

    public static final String REQUEST = "REQUEST";
    public static final String SUPPLIER = "SUPPLIER";

    /** The decision's variables by name: counts as Long, values as BigDecimal, estimatedValue as a string. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("splittingScope", splittingScope);
        map.put("estimatedValue", estimatedValue);
        map.put("sameTeamCount", sameTeamCount);
        map.put("sameTeamValue", sameTeamValue);
        map.put("sameRepositoryCount", sameRepositoryCount);
        map.put("sameRepositoryValue", sameRepositoryValue);
        map.put("nearThresholdCount", nearThresholdCount);
        map.put("supplierAwardCount", supplierAwardCount);
        map.put("supplierAwardValue", supplierAwardValue);
        map.put("supplierCumulativeValue", supplierCumulativeValue);
        return map;
    }
}
