package com.ctera.autoconfigure.keys;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;

import com.ctera.client.CteraPortal;

/**
 * Explains a missing {@link CteraPortal} bean as what it almost always is: no portal configured (or its keys
 * misspelt, such as {@code ctera.portls.main.url}), rather than Spring's generic "no bean of type".
 */
public final class NoCteraPortalFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException>
        implements Ordered {

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
        ResolvableType type = cause.getResolvableType();
        Class<?> wanted = (type != null) ? type.resolve() : cause.getBeanType();
        if (wanted == null || !CteraPortal.class.isAssignableFrom(wanted)) {
            return null;
        }
        String description = "No CTERA portal is configured, so there is no CteraPortal bean to inject"
                + ((cause.getBeanName() != null) ? " (named '" + cause.getBeanName() + "')" : "")
                + ". The starter creates one bean per entry under ctera.portals; none was found.";
        String action = """
                Configure a portal, for example in application.yml:

                    ctera:
                      portals:
                        main:
                          url: https://portal.example.com
                          username: ${CTERA_USERNAME}
                          password: ${CTERA_PASSWORD}

                or with environment variables (CTERA_PORTALS_MAIN_URL, ...). Check the spelling of ctera.portals and \
                that ctera.enabled is not false; with ctera-portal-simulator on the class path and no portal \
                configured, the starter runs an embedded simulator portal named 'embedded' instead.""";
        return new FailureAnalysis(description, action, cause);
    }

    @Override
    public int getOrder() {
        // Ahead of Spring Boot's generic analyzer of the same exception.
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
