package com.ctera.autoconfigure.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.web.reactive.function.client.WebClient;

import com.ctera.client.CteraPortal;
import com.ctera.client.CteraPortalBuilder;

/** Creates the {@link CteraPortal} of a configured portal: its settings, then every customizer in order. */
class CteraPortalFactory {

    private final CteraPortalDefinitions definitions;

    private final WebClient.@Nullable Builder webClientBuilder;

    private final List<CteraPortalBuilderCustomizer> customizers;

    private final PortalSslContexts sslContexts;

    CteraPortalFactory(CteraPortalDefinitions definitions, WebClient.@Nullable Builder webClientBuilder,
            List<CteraPortalBuilderCustomizer> customizers) {
        this(definitions, webClientBuilder, customizers, null);
    }

    /** With the SSL bundles that {@code ssl.bundle} names. */
    CteraPortalFactory(CteraPortalDefinitions definitions, WebClient.@Nullable Builder webClientBuilder,
            List<CteraPortalBuilderCustomizer> customizers, @Nullable SslBundles sslBundles) {
        this.definitions = definitions;
        this.webClientBuilder = webClientBuilder;
        this.customizers = List.copyOf(customizers);
        this.sslContexts = new PortalSslContexts(sslBundles);
    }

    /** Builds the portal with this name; the first call to the portal logs in, not this method. */
    CteraPortal create(String name) {
        PortalSettings settings = this.definitions.find(name)
            .orElseThrow(() -> new IllegalArgumentException(
                    "No CTERA portal named '" + name + "'; configured: " + this.definitions.all().keySet()));
        CteraPortalBuilder builder = CteraPortal.builder()
            .name(settings.name())
            .baseUrl(settings.baseUrl())
            .context(settings.context())
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .transferMinThroughput(settings.transferMinThroughputBytes(), settings.transferThroughputWindow())
            .insecureTrustAllCertificates(settings.insecureTrustAll())
            .attemptTimeout(settings.limits().attemptTimeout())
            .maxAnswerSize(settings.limits().maxAnswerSize())
            .maxTextLength(settings.limits().maxTextLength())
            .maxListItems(settings.limits().maxListItems());
        if (settings.sslBundle() != null) {
            builder.sslContext(this.sslContexts.forBundle(settings.sslBundle()));
        }
        if (settings.tenant() != null) {
            builder.tenant(settings.tenant());
        }
        if (settings.bearerToken() != null) {
            builder.bearerToken(settings.bearerToken());
        }
        else if (settings.username() != null && settings.password() != null) {
            builder.credentials(settings.username(), settings.password());
        }
        if (this.webClientBuilder != null) {
            builder.webClientBuilder(this.webClientBuilder);
        }
        for (CteraPortalBuilderCustomizer customizer : this.customizers) {
            customizer.customize(name, builder);
        }
        return builder.build();
    }
}
