package com.ctera.autoconfigure.resilience;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/** Finds the DataSource that a {@code shared: jdbc} limit keeps its bucket in. */
@FunctionalInterface
interface SharedLimitDataSources {

    /** No DataSource at all: every shared limit fails start-up with how to provide one. */
    SharedLimitDataSources NONE = (beanName, limiter) -> {
        throw new IllegalStateException("Invalid CTERA configuration: rate limit '" + limiter + "' has shared=jdbc but "
                + "the application has no DataSource: add spring-boot-starter-jdbc, the PostgreSQL driver and "
                + "spring.datasource.url");
    };

    /**
     * @param beanName the configured {@code jdbc.data-source}, or null for the application's only DataSource
     * @param limiter the limiter's name, for error messages
     */
    DataSource find(@Nullable String beanName, String limiter);
}
