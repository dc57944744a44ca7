package com.ctera.autoconfigure.resilience;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The application's DataSource beans, looked up only when a limit is shared, so other applications need none; also
 * checks that Bucket4j's PostgreSQL backend is on the application's class path.
 */
final class BeanFactorySharedLimitDataSources implements SharedLimitDataSources {

    private static final String BUCKET4J_POSTGRESQL = "io.github.bucket4j.postgresql.Bucket4jPostgreSQL";

    private final ListableBeanFactory beans;

    BeanFactorySharedLimitDataSources(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public DataSource find(@Nullable String beanName, String limiter) {
        ClassLoader classLoader = (this.beans instanceof ConfigurableBeanFactory configurable)
                ? configurable.getBeanClassLoader() : getClass().getClassLoader();
        if (!ClassUtils.isPresent(BUCKET4J_POSTGRESQL, classLoader)) {
            throw new IllegalStateException("Invalid CTERA configuration: rate limit '" + limiter + "' has shared=jdbc, "
                    + "which needs com.bucket4j:bucket4j_jdk17-postgresql on the classpath");
        }
        if (beanName != null) {
            try {
                return this.beans.getBean(beanName, DataSource.class);
            }
            catch (NoSuchBeanDefinitionException ex) {
                throw new IllegalStateException("Invalid CTERA configuration: rate limit '" + limiter
                        + "' names jdbc.data-source '" + beanName + "', but there is no DataSource bean of that "
                        + "name; DataSource beans: " + String.join(", ", this.beans.getBeanNamesForType(DataSource.class)),
                        ex);
            }
        }
        DataSource only = this.beans.getBeanProvider(DataSource.class).getIfUnique();
        if (only != null) {
            return only;
        }
        String[] names = this.beans.getBeanNamesForType(DataSource.class);
        if (names.length == 0) {
            return SharedLimitDataSources.NONE.find(null, limiter);
        }
        throw new IllegalStateException("Invalid CTERA configuration: rate limit '" + limiter + "' has shared=jdbc and "
                + "the application has several DataSources (" + String.join(", ", names) + "): name one in "
                + "rate-limit.jdbc.data-source");
    }
}
