package com.ctera.client.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import com.ctera.client.observation.CteraObservationDocumentation.HighCardinalityKeys;
import com.ctera.client.observation.CteraObservationDocumentation.LowCardinalityKeys;

/**
 * The standard naming of portal calls: observation {@code ctera.client.requests}, span {@code ctera <operation>},
 * tags {@code portal}, {@code operation}, {@code outcome}, {@code status} and {@code error.type}. Designed for
 * extension: override a method to change one key and keep the others.
 */
public class DefaultCteraObservationConvention implements CteraObservationConvention {

    /** The observation's name, and so the metric's: {@code ctera_client_requests_seconds} in Prometheus. */
    public static final String NAME = "ctera.client.requests";

    private static final String NO_STATUS = "none";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(CteraRequestContext context) {
        return "ctera " + context.operation().name();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(CteraRequestContext context) {
        return KeyValues.of(portal(context), operation(context), outcome(context), status(context),
                errorType(context));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(CteraRequestContext context) {
        return KeyValues.of(HighCardinalityKeys.RETRIES.withValue(Integer.toString(context.retries())));
    }

    protected KeyValue portal(CteraRequestContext context) {
        return LowCardinalityKeys.PORTAL.withValue(context.portalName());
    }

    protected KeyValue operation(CteraRequestContext context) {
        return LowCardinalityKeys.OPERATION.withValue(context.operation().name());
    }

    protected KeyValue outcome(CteraRequestContext context) {
        return LowCardinalityKeys.OUTCOME.withValue(context.outcome());
    }

    protected KeyValue status(CteraRequestContext context) {
        int status = context.status();
        return LowCardinalityKeys.STATUS.withValue((status > 0) ? Integer.toString(status) : NO_STATUS);
    }

    protected KeyValue errorType(CteraRequestContext context) {
        return LowCardinalityKeys.ERROR_TYPE.withValue(context.errorType().value());
    }
}
