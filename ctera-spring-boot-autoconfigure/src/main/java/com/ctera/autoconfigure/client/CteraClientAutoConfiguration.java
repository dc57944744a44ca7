package com.ctera.autoconfigure.client;

import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.client.WebClient;

import com.ctera.client.CteraPortal;

/**
 * {@link CteraPortal} beans from {@code ctera.*} properties, a {@link CteraPortals} registry, and the embedded
 * simulator when no portal is configured.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration" })
@ConditionalOnClass(CteraPortal.class)
@ConditionalOnProperty(name = "ctera.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ CteraProperties.class, CteraRateLimitProperties.class })
@Import(CteraPortalBeanRegistrar.class)
public final class CteraClientAutoConfiguration {

    /**
     * Keys of secrets in any binding form: ctera.portals.x.password, bearerToken, CTERA_PORTAL_BEARER_TOKEN, and lists
     * of them such as ctera.webhooks.receiver.secrets[0]...
     */
    static final Pattern SECRET_KEY = Pattern
        .compile("(?i)(.*[._-])?(password|bearer[-_]?token|secrets?)(\\[\\d+])?$");

    @Bean
    @ConditionalOnMissingBean
    CteraPortalDefinitions cteraPortalDefinitions(CteraProperties properties, CteraRateLimitProperties rateLimit,
            ObjectProvider<EmbeddedPortalSettings> embedded, ObjectProvider<SslBundles> sslBundles) {
        new PortalSslContexts(sslBundles.getIfAvailable()).check(properties);
        EmbeddedPortalSettings source = embedded.getIfAvailable();
        return PortalSettingsResolver.definitions(properties, rateLimit,
                (source != null) ? source.portalProperties() : null);
    }

    @Bean
    @ConditionalOnMissingBean
    CteraPortalFactory cteraPortalFactory(CteraPortalDefinitions definitions,
            ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<CteraPortalBuilderCustomizer> customizers,
            ObjectProvider<SslBundles> sslBundles) {
        return new CteraPortalFactory(definitions, webClientBuilder.getIfAvailable(),
                customizers.orderedStream().toList(), sslBundles.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean(name = "cteraPortalStateLogCustomizer")
    CteraPortalBuilderCustomizer cteraPortalStateLogCustomizer(CteraPortalDefinitions definitions,
            CteraProperties properties) {
        return (portalName, builder) -> definitions.find(portalName)
            .ifPresent((settings) -> builder.interceptor(new PortalStateLog(settings,
                    (properties.getPortals().containsKey(portalName)
                            || !CteraProperties.SHORTHAND_PORTAL_NAME.equals(portalName))
                                    ? "ctera.portals." + portalName : "ctera.portal")));
    }

    @Bean
    @ConditionalOnMissingBean
    CteraPortals cteraPortals(ObjectProvider<CteraPortal> portals) {
        return new CteraPortals(portals.orderedStream().toList());
    }

    /** With Logback, one line per portal for a failed TLS handshake instead of Reactor Netty's trace per attempt. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
    static class TlsLogConfiguration {

        @Bean(destroyMethod = "uninstall")
        @ConditionalOnMissingBean(name = "cteraReactorNettyTlsLogFilter")
        ReactorNettyTlsLogFilter cteraReactorNettyTlsLogFilter(CteraPortalDefinitions definitions) {
            return ReactorNettyTlsLogFilter.install(definitions.all().values());
        }
    }

    /** Keeps portal passwords and tokens out of {@code /actuator/env} and {@code /actuator/configprops}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class SecretSanitizingConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "cteraSecretSanitizingFunction")
        SanitizingFunction cteraSecretSanitizingFunction() {
            // Applies even when an application shows values (show-values: always).
            return SanitizingFunction.sanitizeValue().ifKeyMatches(SECRET_KEY);
        }
    }
}
