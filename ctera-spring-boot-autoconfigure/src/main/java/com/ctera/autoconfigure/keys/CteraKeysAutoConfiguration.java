package com.ctera.autoconfigure.keys;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** Checks at start-up that every {@code ctera.*} key is one that some configuration class binds. */
@AutoConfiguration
@ConditionalOnProperty(name = "ctera.enabled", matchIfMissing = true)
public final class CteraKeysAutoConfiguration {

    // Static: a post-processor of the bean factory must not need this configuration's instance.
    @Bean
    static BeanFactoryPostProcessor cteraUnknownKeysCheck() {
        return new UnknownCteraKeysCheck();
    }
}
