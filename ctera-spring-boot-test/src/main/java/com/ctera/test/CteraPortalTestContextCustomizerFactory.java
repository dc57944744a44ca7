package com.ctera.test;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * The Spring side of {@link CteraPortalTest}: for a test class carrying it, configures the portal against the
 * shared simulator in the test's application context. Registered in {@code META-INF/spring.factories}.
 */
public final class CteraPortalTestContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configurations) {
        CteraPortalTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, CteraPortalTest.class);
        return (test != null) ? new CteraPortalTestContextCustomizer(test.portal(), test.context(), test.tenant())
                : null;
    }
}
