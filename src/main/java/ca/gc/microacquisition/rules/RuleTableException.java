package ca.gc.microacquisition.rules;

import org.camunda.bpm.engine.BadUserRequestException;

/** A decision file that cannot be used as it is (unreadable XML, a FEEL error, a missing column...). HTTP 400. */
public class RuleTableException extends BadUserRequestException {

    public RuleTableException(String message) {
        super(message);
    }
}
