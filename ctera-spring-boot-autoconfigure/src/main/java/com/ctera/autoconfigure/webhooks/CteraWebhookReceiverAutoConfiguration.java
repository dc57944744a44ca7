package com.ctera.autoconfigure.webhooks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.ctera.client.webhooks.SeenWebhookIds;
import com.ctera.client.webhooks.StandardWebhookVerifier;
import com.ctera.client.webhooks.WebhookSecret;

/**
 * Webhooks in, with {@code ctera.webhooks.receiver.enabled=true}: a POST endpoint at {@code ctera.webhooks.receiver.path}
 * (WebFlux or MVC, whichever the application runs) that verifies Standard Webhooks messages and publishes their
 * {@code CteraChangeEvent}s, so a service with no portal credentials gets portal changes as Spring events.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty("ctera.webhooks.receiver.enabled")
@EnableConfigurationProperties(CteraWebhooksProperties.class)
public final class CteraWebhookReceiverAutoConfiguration {

    private static final String PREFIX = "ctera.webhooks.receiver.";

    @Bean
    @ConditionalOnMissingBean
    CteraWebhookReceiver cteraWebhookReceiver(CteraWebhooksProperties properties, ApplicationEventPublisher publisher) {
        CteraWebhooksProperties.Receiver receiver = properties.getReceiver();
        if (receiver.getSecrets().isEmpty()) {
            throw new IllegalStateException("Invalid CTERA configuration: " + PREFIX + "secrets is empty; allowed: "
                    + "one or more whsec_ secrets the senders sign with");
        }
        List<WebhookSecret> secrets = new ArrayList<>();
        for (int i = 0; i < receiver.getSecrets().size(); i++) {
            secrets.add(WebhookSettingsResolver.secret(PREFIX + "secrets[" + i + "]", receiver.getSecrets().get(i)));
        }
        if (receiver.getTolerance().isNegative() || receiver.getTolerance().isZero()) {
            throw new IllegalStateException("Invalid CTERA configuration: " + PREFIX + "tolerance is "
                    + receiver.getTolerance() + "; allowed: a positive duration");
        }
        if (!receiver.getPath().startsWith("/")) {
            throw new IllegalStateException("Invalid CTERA configuration: " + PREFIX + "path is '" + receiver.getPath()
                    + "'; allowed: a path starting with /");
        }
        Clock clock = Clock.systemUTC();
        StandardWebhookVerifier verifier = new StandardWebhookVerifier(secrets, receiver.getTolerance(), clock,
                SeenWebhookIds.inMemory(receiver.getTolerance().multipliedBy(2), receiver.getReplayCapacity(), clock));
        return new CteraWebhookReceiver(verifier, publisher::publishEvent);
    }

    /** The endpoint in a WebFlux application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
    static class ReactiveReceiverConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "cteraWebhookReceiverRoute")
        org.springframework.web.reactive.function.server.RouterFunction<?> cteraWebhookReceiverRoute(
                CteraWebhooksProperties properties, CteraWebhookReceiver receiver) {
            return WebFluxReceiverRoute.of(properties.getReceiver().getPath(), receiver);
        }
    }

    /** The endpoint in a servlet (MVC) application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
    static class ServletReceiverConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "cteraWebhookReceiverRoute")
        org.springframework.web.servlet.function.RouterFunction<?> cteraWebhookReceiverRoute(
                CteraWebhooksProperties properties, CteraWebhookReceiver receiver) {
            return MvcReceiverRoute.of(properties.getReceiver().getPath(), receiver);
        }
    }
}
