package ca.gc.microacquisition.portal;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.DomainValidationException;
import ca.gc.microacquisition.common.ForbiddenException;
import ca.gc.microacquisition.common.NotFoundException;
import ca.gc.microacquisition.common.RateLimitedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors on portal pages become pages in the page's language (never a stack trace, never JSON). */
@ControllerAdvice(basePackageClasses = PortalErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

    private static final Logger LOG = LoggerFactory.getLogger(PortalErrors.class);

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model, HttpServletRequest request, Locale locale) {
        return page(model, request, locale, "error.notFound.title", "error.notFound.text", null);
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(ConflictException e, Model model, HttpServletRequest request, Locale locale) {
        return page(model, request, locale, "error.conflict.title", "error.conflict.text", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Model model, HttpServletRequest request, Locale locale) {
        return page(model, request, locale, "error.forbidden.title", "error.forbidden.text", null);
    }

    @ExceptionHandler(DomainValidationException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(DomainValidationException e, Model model, HttpServletRequest request, Locale locale) {
        return page(model, request, locale, "error.invalid.title", "error.invalid.text", e.getMessage());
    }

    @ExceptionHandler(RateLimitedException.class)
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    String tooMany(Model model, HttpServletRequest request, Locale locale) {
        return page(model, request, locale, "error.tooMany.title", "error.tooMany.text", null);
    }

    @ExceptionHandler(Exception.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    String unexpected(Exception e, Model model, HttpServletRequest request, Locale locale) {
        LOG.error("Unexpected error on a portal page", e);
        return page(model, request, locale, "error.unexpected.title", "error.unexpected.text", null);
    }

    /**
     * @param detail the service's own explanation (in English), shown marked lang="en"
     */
    private static String page(
            Model model, HttpServletRequest request, Locale locale, String titleKey, String textKey, String detail) {
        PortalModel.fill(model, request, locale);
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("textKey", textKey);
        model.addAttribute("detail", detail);
        return "message";
    }
}
