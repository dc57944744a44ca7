package com.ctera.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@code ctera.client.requests} observation of a portal call. Implement it (or extend
 * {@link DefaultCteraObservationConvention}) to change them; keep low-cardinality key values to a small, fixed set of
 * values: every distinct combination becomes its own time series.
 */
public interface CteraObservationConvention extends ObservationConvention<CteraRequestContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof CteraRequestContext;
    }
}
