package com.ctera.autoconfigure.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;

/** Client TLS contexts of the portals from Spring Boot SSL bundles ({@code ssl.bundle}). */
final class PortalSslContexts {

    private final @Nullable SslBundles bundles;

    PortalSslContexts(@Nullable SslBundles bundles) {
        this.bundles = bundles;
    }

    /**
     * Checks that every bundle the portals name exists; the message names each property whose bundle is missing.
     * @throws IllegalStateException listing every missing bundle
     */
    void check(CteraProperties properties) {
        List<String> problems = new ArrayList<>();
        String fallback = properties.getDefaults().getSsl().getBundle();
        for (Map.Entry<String, PortalProperties> portal : properties.configuredPortals().entrySet()) {
            String own = portal.getValue().getSsl().getBundle();
            String property = (own != null) ? prefix(properties, portal.getKey()) + ".ssl.bundle"
                    : "ctera.defaults.ssl.bundle";
            String bundle = (own != null) ? own : fallback;
            if (bundle != null && !exists(bundle)) {
                problems.add(property + " names the SSL bundle '" + bundle + "', which is not configured; define it "
                        + "under spring.ssl.bundle.pem." + bundle + " or spring.ssl.bundle.jks." + bundle);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid CTERA configuration: " + String.join("; ", problems));
        }
    }

    /** The client context of the bundle: its trust material, its key material if any, its protocols and ciphers. */
    SslContext forBundle(String name) {
        SslBundle bundle = require(this.bundles).getBundle(name);
        SslManagerBundle managers = bundle.getManagers();
        SslOptions options = bundle.getOptions();
        SslContextBuilder builder = SslContextBuilder.forClient()
            .keyManager(managers.getKeyManagerFactory())
            .trustManager(managers.getTrustManagerFactory());
        if (options.getEnabledProtocols() != null) {
            builder.protocols(options.getEnabledProtocols());
        }
        if (options.getCiphers() != null) {
            builder.ciphers(Arrays.asList(options.getCiphers()));
        }
        try {
            return builder.build();
        }
        catch (SSLException ex) {
            throw new IllegalStateException("Cannot build a TLS context from the SSL bundle '" + name + "'", ex);
        }
    }

    private boolean exists(String bundle) {
        if (this.bundles == null) {
            return false;
        }
        try {
            this.bundles.getBundle(bundle);
            return true;
        }
        catch (NoSuchSslBundleException ex) {
            return false;
        }
    }

    private static SslBundles require(@Nullable SslBundles bundles) {
        if (bundles == null) {
            throw new IllegalStateException("ssl.bundle is set but the application has no SslBundles bean");
        }
        return bundles;
    }

    private static String prefix(CteraProperties properties, String name) {
        return properties.getPortals().containsKey(name) ? "ctera.portals." + name : "ctera.portal";
    }
}
