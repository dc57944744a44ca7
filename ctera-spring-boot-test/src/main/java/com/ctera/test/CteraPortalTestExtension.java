package com.ctera.test;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.core.annotation.AnnotatedElementUtils;

import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultInjector;
import com.ctera.simulator.RequestJournal;

/**
 * The JUnit side of {@link CteraPortalTest}: hands the shared simulator, its faults, its journal and the
 * {@link SimulatedPortal} to constructors and methods that ask for them, and clears injected faults after each test
 * so that one test's faults never reach the next.
 */
public final class CteraPortalTestExtension implements ParameterResolver, AfterEachCallback {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == CteraPortalSimulator.class || type == FaultInjector.class || type == RequestJournal.class
                || type == SimulatedPortal.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        CteraPortalSimulator simulator = SharedSimulator.get();
        Class<?> type = parameter.getParameter().getType();
        if (type == CteraPortalSimulator.class) {
            return simulator;
        }
        if (type == FaultInjector.class) {
            return simulator.faults();
        }
        if (type == RequestJournal.class) {
            return simulator.requests();
        }
        return SimulatedPortal.of(annotation(extension), simulator);
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        SharedSimulator.get().faults().clear();
    }

    private static CteraPortalTest annotation(ExtensionContext extension) {
        Class<?> testClass = extension.getRequiredTestClass();
        CteraPortalTest found = AnnotatedElementUtils.findMergedAnnotation(testClass, CteraPortalTest.class);
        if (found == null) {
            throw new ParameterResolutionException("SimulatedPortal needs @CteraPortalTest on " + testClass.getName());
        }
        return found;
    }
}
