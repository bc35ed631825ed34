package ca.gc.microacquisition.rules;

import javax.script.ScriptEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.spi.el.DmnScriptEngineResolver;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElExpression;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The DMN engine of the process engine evaluates FEEL and nothing else: FEEL is the default language of every kind
 * of expression, and the JUEL provider and the script engine resolver the DMN engine would use for any other
 * language refuse instead. This holds for every decision, including versions deployed before the deployment check
 * refused other languages, and whichever way it is evaluated (business rule task, decision service, REST).
 */
public final class FeelOnlyExpressions {

    static final String REFUSAL = "Decision tables are evaluated in FEEL only; this table uses the expression"
            + " language '%s', which the service does not run. Deploy a FEEL version of the table.";

    private FeelOnlyExpressions() {}

    /** Makes the given (or a new) DMN engine configuration FEEL-only and returns it. */
    public static DefaultDmnEngineConfiguration apply(DefaultDmnEngineConfiguration configuration) {
        configuration.setDefaultInputExpressionExpressionLanguage(
                DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
        configuration.setDefaultInputEntryExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
        configuration.setDefaultOutputEntryExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
        configuration.setDefaultLiteralExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
        configuration.setElProvider(new RefusingElProvider());
        configuration.setScriptEngineResolver(new RefusingScriptEngineResolver());
        return configuration;
    }

    static final class RefusingElProvider implements ElProvider {
        @Override
        public ElExpression createExpression(String expression) {
            throw new BadUserRequestException(String.format(REFUSAL, "juel"));
        }
    }

    static final class RefusingScriptEngineResolver implements DmnScriptEngineResolver {
        @Override
        public ScriptEngine getScriptEngineForLanguage(String language) {
            throw new BadUserRequestException(String.format(REFUSAL, language));
        }
    }
}
