package com.ctera.autoconfigure.client;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import com.ctera.client.PortalContext;
import com.ctera.client.transport.CallLimits;

/**
 * The effective, validated settings of one portal: its own keys over {@code ctera.defaults} over the built-in
 * defaults, its resilience stages included. {@code toString()} never shows the password or the token.
 */
record PortalSettings(String name, URI baseUrl, PortalContext context, @Nullable String tenant,
        @Nullable String username, @Nullable String password, @Nullable String bearerToken, Duration connectTimeout,
        Duration readTimeout, boolean insecureTrustAll, CallLimits limits, @Nullable String sslBundle,
        long transferMinThroughputBytes, Duration transferThroughputWindow, ResilienceSettings resilience) {

    @Override
    public String toString() {
        return "PortalSettings{name=" + this.name + ", baseUrl=" + this.baseUrl + ", context=" + this.context
                + ", tenant=" + this.tenant + ", username=" + this.username + ", password="
                + Secrets.mask(this.password) + ", bearerToken=" + Secrets.mask(this.bearerToken)
                + ", connectTimeout=" + this.connectTimeout + ", readTimeout=" + this.readTimeout
                + ", insecureTrustAll=" + this.insecureTrustAll + ", limits=" + this.limits + ", sslBundle="
                + this.sslBundle + ", transferMinThroughputBytes=" + this.transferMinThroughputBytes
                + ", transferThroughputWindow=" + this.transferThroughputWindow + ", resilience=" + this.resilience + "}";
    }
}
