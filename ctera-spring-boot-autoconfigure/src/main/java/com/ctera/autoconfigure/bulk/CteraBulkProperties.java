package com.ctera.autoconfigure.bulk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * ctera.bulk.*: whether bulk beans are made, and the bulk options of every portal that neither it nor
 * ctera.defaults.bulk sets. Validates itself, so a bad value stops start-up naming the property.
 */
@ConfigurationProperties("ctera.bulk")
public class CteraBulkProperties extends BulkProperties implements Validator {

    /** Whether a bulk-operations bean is made for each portal. */
    private boolean enabled = true;

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean supports(Class<?> type) {
        return CteraBulkProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        BulkSettingsResolver.validate("ctera.bulk", (CteraBulkProperties) target,
                (message) -> errors.reject("ctera.invalid", message));
    }
}
