package com.ctera.autoconfigure.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Status;

/**
 * Publishes each portal's last health result as the gauge {@value #NAME} (tag {@code portal}): 1 when UP, 0 otherwise,
 * NaN before the first check. Reading it never triggers a check: it moves when the health endpoint is probed.
 */
final class CteraHealthMeterBinder implements MeterBinder {

    /** The gauge's name: {@code ctera_portal_health} in Prometheus. */
    static final String NAME = "ctera.portal.health";

    private final BeanFactory beanFactory;

    CteraHealthMeterBinder(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        // A user's own cteraHealthContributor of another shape simply gets no gauge.
        if (!this.beanFactory.containsBean("cteraHealthContributor")
                || !(this.beanFactory.getBean("cteraHealthContributor") instanceof CompositeHealthContributor portals)) {
            return;
        }
        portals.stream().forEach((entry) -> {
            if (entry.contributor() instanceof CteraPortalHealthIndicator indicator) {
                Gauge.builder(NAME, indicator, CteraHealthMeterBinder::value)
                    .tag("portal", entry.name())
                    .description("Last health result of the portal: 1 UP, 0 not UP")
                    .strongReference(true)
                    .register(registry);
            }
        });
    }

    private static double value(CteraPortalHealthIndicator indicator) {
        Status status = indicator.lastStatus();
        if (status == null) {
            return Double.NaN;
        }
        return Status.UP.equals(status) ? 1 : 0;
    }
}
