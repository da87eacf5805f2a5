package cn.xiaoben.service.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.metadata.ConstraintDescriptor;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a Bean Validation message template in English and in Chinese: the service's own
 * {@code ValidationMessages} bundle first, then Hibernate Validator's, with {@code {attribute}} placeholders filled
 * from the constraint.
 */
public final class BilingualMessages {

    private static final Pattern KEY = Pattern.compile("^\\{([^}]+)}$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]*}");
    private static final String[] BUNDLES = {"ValidationMessages", "org.hibernate.validator.ValidationMessages"};

    private BilingualMessages() {
    }

    public static FieldProblem of(String field, ConstraintViolation<?> violation) {
        ConstraintDescriptor<?> descriptor = violation.getConstraintDescriptor();
        String code = descriptor.getAnnotation().annotationType().getSimpleName();
        String template = violation.getMessageTemplate();
        return new FieldProblem(field, code,
                render(template, descriptor.getAttributes(), Locale.ENGLISH),
                render(template, descriptor.getAttributes(), Locale.SIMPLIFIED_CHINESE));
    }

    static String render(String template, Map<String, Object> attributes, Locale locale) {
        String text = template;
        Matcher key = KEY.matcher(template);
        if (key.matches()) {
            text = lookup(key.group(1), locale);
            if (text == null) {
                text = template;
            }
        }
        text = EXPRESSION.matcher(text).replaceAll("").trim();
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = attributes.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String lookup(String key, Locale locale) {
        for (String bundle : BUNDLES) {
            try {
                ResourceBundle rb = ResourceBundle.getBundle(bundle, locale, ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
                if (rb.containsKey(key)) {
                    return rb.getString(key);
                }
            } catch (MissingResourceException ignored) {
                // try the next bundle
            }
        }
        return null;
    }
}
