package ca.gc.microacquisition.portal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Looks up the portal's texts (messages_en / messages_fr) in the page's language. */
@Component
class Messages {

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    String get(String key, Locale locale, Object... args) {
        return source.getMessage(key, args, locale);
    }
}
