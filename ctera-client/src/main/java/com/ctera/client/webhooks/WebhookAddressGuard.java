package com.ctera.client.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The SSRF guard, run before every delivery attempt: the URL must be {@code https} without credentials, and every
 * address its host resolves to must be public (not loopback, private, shared/CGNAT, link-local with the cloud
 * metadata address, multicast or unspecified), unless the host is explicitly allowed. Plain {@code http} is allowed
 * only to allowed hosts and only when {@code allowHttp} is set. The checked address is the one connected to, so a
 * DNS answer that changes between check and connect cannot slip through.
 */
public final class WebhookAddressGuard {

    /** Resolves a host name to its addresses. */
    @FunctionalInterface
    public interface Resolver {

        /** All addresses of the host. */
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowedHosts;

    private final boolean allowHttp;

    private final Resolver resolver;

    /**
     * @param allowedHosts host names (or literal addresses) exempt from the address check, e.g. an intranet receiver
     * @param allowHttp whether allowed hosts may be reached over plain http
     */
    public WebhookAddressGuard(Set<String> allowedHosts, boolean allowHttp, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
        this.allowHttp = allowHttp;
        this.resolver = resolver;
    }

    /** A guard that resolves through the system's DNS. */
    public WebhookAddressGuard(Set<String> allowedHosts, boolean allowHttp) {
        this(allowedHosts, allowHttp, InetAddress::getAllByName);
    }

    /**
     * Checks a URL and picks the address to connect to.
     * @throws WebhookRefusedException naming the rule the URL breaks
     */
    public InetSocketAddress check(URI url) {
        String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            throw new WebhookRefusedException("webhook URL " + url + " has no host");
        }
        String normalizedHost = host.toLowerCase(Locale.ROOT);
        if (normalizedHost.startsWith("[") && normalizedHost.endsWith("]")) {
            normalizedHost = normalizedHost.substring(1, normalizedHost.length() - 1);
        }
        boolean allowed = this.allowedHosts.contains(normalizedHost);
        if (url.getRawUserInfo() != null) {
            throw new WebhookRefusedException("webhook URL of host " + host + " carries credentials; not allowed");
        }
        if (!"https".equals(scheme)) {
            if (!"http".equals(scheme)) {
                throw new WebhookRefusedException("webhook URL " + url + " must use https");
            }
            if (!(allowed && this.allowHttp)) {
                throw new WebhookRefusedException("webhook URL " + url + " must use https (plain http only for hosts "
                        + "in ctera.webhooks.allowed-hosts with ctera.webhooks.allow-http=true)");
            }
        }
        int port = (url.getPort() > 0) ? url.getPort() : ("https".equals(scheme) ? 443 : 80);
        InetAddress[] addresses;
        try {
            addresses = this.resolver.resolve(normalizedHost);
        }
        catch (UnknownHostException ex) {
            throw new WebhookRefusedException("webhook host " + host + " does not resolve");
        }
        if (addresses.length == 0) {
            throw new WebhookRefusedException("webhook host " + host + " does not resolve");
        }
        if (!allowed) {
            for (InetAddress address : addresses) {
                String refused = refusedClass(address);
                if (refused != null) {
                    throw new WebhookRefusedException("webhook host " + host + " resolves to " + refused + " address "
                            + address.getHostAddress() + "; list it in ctera.webhooks.allowed-hosts to allow it");
                }
            }
        }
        try {
            // Keep the host name with the checked address: Host header and TLS SNI still name the host.
            return new InetSocketAddress(InetAddress.getByAddress(host, addresses[0].getAddress()), port);
        }
        catch (UnknownHostException ex) {
            throw new WebhookRefusedException("webhook host " + host + " has an unusable address");
        }
    }

    /** Why an address is not public, or null when it is. */
    static @Nullable String refusedClass(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && isIpv4Mapped(bytes)) {
            byte[] v4 = new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] };
            try {
                return refusedClass(InetAddress.getByAddress(v4));
            }
            catch (UnknownHostException ex) {
                return "an unusable";
            }
        }
        if (address.isLoopbackAddress()) {
            return "a loopback";
        }
        if (address.isAnyLocalAddress() || (address instanceof Inet4Address && bytes[0] == 0)) {
            return "an unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local (cloud metadata)";
        }
        if (address.isSiteLocalAddress()) {
            return "a private";
        }
        if (address.isMulticastAddress()) {
            return "a multicast";
        }
        if (address instanceof Inet4Address && (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64) {
            return "a shared (CGNAT)";
        }
        if (address instanceof Inet6Address && (bytes[0] & 0xFE) == 0xFC) {
            return "a private (unique local)";
        }
        return null;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        if (bytes.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF;
    }
}
