package com.ctera.client.transport;

import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

/**
 * Reads the connection pool's own counts, so that a test (or a diagnostic) can tell that every failed call gave its
 * connection back. Registered with the pool instead of a meter registry; records nothing itself.
 */
final class PoolGauge implements ConnectionProvider.MeterRegistrar {

    private final List<ConnectionPoolMetrics> pools = new CopyOnWriteArrayList<>();

    @Override
    public void registerMetrics(String poolName, String id, SocketAddress remoteAddress,
            ConnectionPoolMetrics metrics) {
        this.pools.add(metrics);
    }

    /** Connections handed out and not yet given back, over every remote address. */
    int acquired() {
        return this.pools.stream().mapToInt(ConnectionPoolMetrics::acquiredSize).sum();
    }
}
