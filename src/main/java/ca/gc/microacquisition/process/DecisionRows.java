package ca.gc.microacquisition.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads the rows a COLLECT decision returned: the highest outcome wins (given in increasing order of
 * severity), and every row's reason is kept for the person who decides next.
 */
final class DecisionRows {

    private DecisionRows() {}

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Object result) {
        if (result == null) {
            return List.of();
        }
        return new ArrayList<>((Collection<Map<String, Object>>) result);
    }

    /** The most severe value of {@code column} among the rows, or {@code none} when no row matched. */
    static String highest(List<Map<String, Object>> rows, String column, String none, List<String> ascending) {
        int best = -1;
        for (Map<String, Object> row : rows) {
            Object value = row.get(column);
            int rank = value == null ? -1 : ascending.indexOf(value.toString());
            if (rank < 0 && value != null) {
                throw new IllegalStateException("Decision returned unknown " + column + " '" + value + "'");
            }
            best = Math.max(best, rank);
        }
        return best < 0 ? none : ascending.get(best);
    }

    static ArrayList<String> reasons(List<Map<String, Object>> rows) {
        ArrayList<String> reasons = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object reason = row.get("reason");
            if (reason != null && !reasons.contains(reason.toString())) {
                reasons.add(reason.toString());
            }
        }
        return reasons;
    }
}
