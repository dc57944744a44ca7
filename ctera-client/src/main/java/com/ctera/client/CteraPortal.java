package com.ctera.client;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

import com.ctera.client.devices.Devices;
import com.ctera.client.devices.ReactiveDevices;
import com.ctera.client.files.CloudFiles;
import com.ctera.client.logs.Logs;
import com.ctera.client.notifications.Notifications;
import com.ctera.client.reports.Reports;
import com.ctera.client.pipeline.CallPipeline;
import com.ctera.client.session.PortalCalls;
import com.ctera.client.session.PortalCredentials;
import com.ctera.client.session.PortalSession;
import com.ctera.client.session.SessionInfo;
import com.ctera.client.statistics.Statistics;
import com.ctera.client.tasks.Tasks;
import com.ctera.client.transport.CallLimits;
import com.ctera.client.transport.PortalTransport;
import com.ctera.client.transport.TransportSettings;
import com.ctera.client.users.ReactiveUsers;
import com.ctera.client.users.Users;

/**
 * The client of one CTERA Portal: typed API areas in blocking form, with {@link #reactive()} for the
 * {@code Mono}/{@code Flux} form they delegate to. Logs in on the first call; {@link #close()} logs out.
 */
public final class CteraPortal implements AutoCloseable {

    private final String name;

    private final URI baseUrl;

    private final PortalContext context;

    private final @Nullable String user;

    private final PortalTransport transport;

    private final PortalSession session;

    private final ReactiveCteraPortal reactive;

    private final Users users;

    private final Devices devices;

    private final CloudFiles files;

    private final Tasks tasks;

    private final Logs logs;

    private final Statistics statistics;

    private final Reports reports;

    private final Notifications notifications;

    private final AtomicBoolean closed = new AtomicBoolean();

    CteraPortal(TransportSettings settings, PortalCredentials credentials, @Nullable String tenant,
            CallPipeline pipeline, Duration taskPollInterval, CallLimits limits) {
        this.name = settings.portalName();
        this.baseUrl = settings.endpoint().baseUrl();
        this.context = settings.endpoint().context();
        this.user = (credentials instanceof PortalCredentials.Password password) ? password.username() : null;
        this.transport = PortalTransport.create(settings, limits);
        this.session = new PortalSession(this.transport, credentials, tenant, settings.readTimeout(), this.name,
                pipeline);
        PortalCalls calls = new PortalCalls(this.session, settings.endpoint(), this.transport.codec(), limits);
        this.reactive = new ReactiveCteraPortal(this, calls, new ReactiveUsers(calls), new ReactiveDevices(calls),
                taskPollInterval);
        this.users = new Users(this.reactive.users());
        this.devices = new Devices(this.reactive.devices());
        this.files = new CloudFiles(this.reactive.files());
        this.tasks = new Tasks(this.reactive.tasks());
        this.logs = new Logs(this.reactive.logs());
        this.statistics = new Statistics(this.reactive.statistics());
        this.reports = new Reports(this.reactive.reports());
        this.notifications = new Notifications(this.reactive.notifications());
    }

    /** Starts configuring a portal client. */
    public static CteraPortalBuilder builder() {
        return new CteraPortalBuilder();
    }

    /** The configured name of this portal. */
    public String name() {
        return this.name;
    }

    /** The portal's base URL. */
    public URI baseUrl() {
        return this.baseUrl;
    }

    /** Global administration or a tenant's services portal. */
    public PortalContext context() {
        return this.context;
    }

    /** Users of the current tenant (protocol §5.1). */
    public Users users() {
        return this.users;
    }

    /** Devices: gateways and agents (protocol §5.2). */
    public Devices devices() {
        return this.devices;
    }

    /** Cloud Drive files: browse, transfer, background file operations, versions (protocol §5.4). */
    public CloudFiles files() {
        return this.files;
    }

    /** Background tasks: read and await (protocol §5.9). */
    public Tasks tasks() {
        return this.tasks;
    }

    /** Portal and device logs (protocol §5.7). */
    public Logs logs() {
        return this.logs;
    }

    /** Storage usage of tenants and cloud folders (protocol §5.5). */
    public Statistics statistics() {
        return this.statistics;
    }

    /** Statistics reports (protocol §5.8). */
    public Reports reports() {
        return this.reports;
    }

    /** The change feed (protocol §5.6). */
    public Notifications notifications() {
        return this.notifications;
    }

    /** Who the client is logged in as; logs in first if needed. */
    public SessionInfo session() {
        return this.reactive.session().block();
    }

    /**
     * Works in another tenant from now on, as the SDK's {@code portals.browse("globex")}; {@code null} returns to
     * global administration. Admin context only.
     * @return who the session is, now in that tenant
     */
    public SessionInfo browse(@Nullable String tenant) {
        return this.reactive.browse(tenant).block();
    }

    /** The same API in reactive form. */
    public ReactiveCteraPortal reactive() {
        return this.reactive;
    }

    /** Connections that calls hold right now, for diagnostics and tests: zero when none is under way. */
    public int connectionsInUse() {
        return this.transport.connectionsInUse();
    }

    /** The live session, for diagnostics and tests. */
    public PortalSession portalSession() {
        return this.session;
    }

    /** Logs out if a session is open (errors ignored) and releases connections. Idempotent. */
    @Override
    public void close() {
        if (this.closed.compareAndSet(false, true)) {
            try {
                this.session.close();
            }
            finally {
                this.transport.close();
            }
        }
    }

    @Override
    public String toString() {
        return "CteraPortal[name=" + this.name + ", url=" + this.baseUrl + ", context=" + this.context.path()
                + ", user=" + ((this.user != null) ? this.user : "(bearer token)") + "]";
    }
}
