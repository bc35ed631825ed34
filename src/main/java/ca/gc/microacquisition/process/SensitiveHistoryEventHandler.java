package ca.gc.microacquisition.process;

import ca.gc.microacquisition.payment.PaymentToken;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Masks card data in the engine's history events before the default database handler writes them
 * ({@code ACT_HI_VARINST}, {@code ACT_HI_DETAIL}): a form can submit {@code paymentMethod} as a variable, and even
 * though {@link TaskSubmissionListener} removes the variable, the engine has already recorded the submitted value
 * as a variable update and a form-field detail.
 *
 * <ul>
 *   <li>a variable or form field with a {@linkplain #SENSITIVE_NAMES sensitive name} keeps only the mask of its
 *       value ({@link PaymentToken#mask}), as a string (other value types are emptied);</li>
 *   <li>any other string value or form field has the card numbers in it masked
 *       ({@link PaymentToken#maskCardNumbers}); number variables are left alone (a draw's 64-bit seed can pass the
 *       Luhn check by chance).</li>
 * </ul>
 * Registered first among the custom history event handlers by {@link SensitiveHistoryEnginePlugin}; the default
 * database handler comes after every custom one, so it only ever sees masked events.
 */
public class SensitiveHistoryEventHandler implements HistoryEventHandler {

    /** Variables whose value is never kept in history. */
    public static final Set<String> SENSITIVE_NAMES = Set.of("paymentMethod");

    /**
     * Values the process itself writes as text that are digits only: a draw's 64-bit seed (kept as text so that
     * JSON readers keep every digit) passes the Luhn check about one time in ten and must stay as drawn.
     */
    public static final Set<String> PROCESS_DIGITS = Set.of("drawSeed");

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity update) {
            mask(update);
        } else if (event instanceof HistoricFormPropertyEventEntity field) {
            String value = field.getPropertyValue() == null
                    ? null
                    : field.getPropertyValue().toString();
            field.setPropertyValue(
                    SENSITIVE_NAMES.contains(field.getPropertyId())
                            ? PaymentToken.mask(value)
                            : PaymentToken.maskCardNumbers(value));
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private static void mask(HistoricVariableUpdateEventEntity update) {
        Long number = update.getLongValue();
        if (SENSITIVE_NAMES.contains(update.getVariableName())) {
            // only the mask is kept, as a string (also when the value was sent as a number)
            String text =
                    update.getTextValue() != null ? update.getTextValue() : number == null ? null : number.toString();
            update.setSerializerName("string");
            update.setTextValue(text == null ? null : PaymentToken.mask(text));
            update.setTextValue2(null);
            update.setByteValue(null);
            update.setLongValue(null);
            update.setDoubleValue(null);
            return;
        }
        if ("string".equals(update.getSerializerName()) && !PROCESS_DIGITS.contains(update.getVariableName())) {
            // text only: numbers (e.g. a draw's 64-bit seed) are data and may pass the Luhn check by chance
            update.setTextValue(PaymentToken.maskCardNumbers(update.getTextValue()));
            update.setTextValue2(PaymentToken.maskCardNumbers(update.getTextValue2()));
        }
    }
}
