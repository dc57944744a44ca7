package com.ctera.autoconfigure.health;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
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
        if (!this.beanFactory.containsBean("cteraHealthContributor")) {
            return;
        }
        Object contributor = this.beanFactory.getBean("cteraHealthContributor");
        if (contributor instanceof CompositeHealthContributor portals) {
            portals.stream().forEach((entry) -> {
                if (entry.contributor() instanceof CteraPortalHealthIndicator indicator) {
                    register(registry, entry.name(), indicator::lastStatus);
                }
            });
        }
        else if (contributor instanceof CompositeReactiveHealthContributor portals) {
            portals.stream().forEach((entry) -> {
                if (entry.contributor() instanceof CteraPortalReactiveHealthIndicator indicator) {
                    register(registry, entry.name(), indicator::lastStatus);
                }
            });
        }
    }

    private static void register(MeterRegistry registry, String portal, Supplier<@Nullable Status> lastStatus) {
        Gauge.builder(NAME, lastStatus, CteraHealthMeterBinder::value)
            .tag("portal", portal)
            .description("Last health result of the portal: 1 UP, 0 not UP")
            .strongReference(true)
            .register(registry);
    }

    private static double value(Supplier<@Nullable Status> lastStatus) {
        Status status = lastStatus.get();
        if (status == null) {
            return Double.NaN;
        }
        return Status.UP.equals(status) ? 1 : 0;
    }
}
