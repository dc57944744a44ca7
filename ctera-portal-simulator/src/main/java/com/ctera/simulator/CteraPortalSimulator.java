package com.ctera.simulator;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.ctera.simulator.tls.SelfSignedCertificate;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;

/**
 * An embeddable CTERA Portal speaking the real wire protocol over HTTP(S), with in-memory state, demo data, fault
 * injection and a request journal. Start one per test class, close it after.
 *
 * <p>Operation names, used by {@link FaultRule#forOperation(String)} and {@link RequestJournal}:
 * <ul>
 * <li>{@code login}, {@code logout} — {@code POST /{ctx}/api/login|logout}</li>
 * <li>{@code sso} — {@code POST /{ctx}/sso}; {@code getSessionToken} — user-defined call on {@code /admin/api}</li>
 * <li>{@code currentSession}, {@code currentPortal} (GET), {@code currentPortal.set} (PUT), {@code version},
 * {@code rolesSettings} ({@code GET /{ctx}/api/rolesSettings/{name}}), {@code publicInfo}
 * ({@code GET /{ctx}/public/publicInfo})</li>
 * <li>{@code users.query}, {@code users.add} (db calls on {@code /{ctx}/api/users}), {@code users.get} (get-multi on
 * {@code /users/{name}}), {@code users.read} (GET), {@code users.modify} (PUT), {@code users.delete} (user-defined
 * {@code delete})</li>
 * <li>{@code devices.query} ({@code /devices}), {@code devices.get} (get-multi on
 * {@code /portals/{tenant}/devices/{name}})</li>
 * <li>{@code files.fetchResources}, {@code files.makeCollection}, {@code files.delete}, {@code files.restore},
 * {@code files.copy}, {@code files.move}, {@code files.listSnapshots} (user-defined calls on {@code /{ctx}/api}),
 * {@code files.upload} ({@code POST /{ctx}/upload/folders/{uid}}), {@code files.download}
 * ({@code GET /{ctx}/webdav/...}), {@code files.zip} ({@code POST /{ctx}/folders/folders/{uid}})</li>
 * <li>{@code tasks.status} ({@code getTaskStatus}, {@code GET /{ctx}/api/servers/{server}/bgTasks[/{id}]})</li>
 * <li>{@code logs.query} ({@code queryLogs}), {@code reports.generate} ({@code generateReport}), {@code reports.get}
 * ({@code GET /{ctx}/api/reports/{name}})</li>
 * <li>{@code statistics.portals} ({@code getPortalsDisplayInfo}), {@code statistics.cloudDrives} (query on
 * {@code /cloudDrives} or {@code /portals/{tenant}/cloudDrives}), {@code statistics.usageHistory}
 * ({@code queryUsageHistory}, a simulator assumption)</li>
 * <li>{@code notifications.list}, {@code notifications.longpoll}, {@code notifications.ancestors} (JSON on
 * {@code /{ctx}/v2/api/metadata/...})</li>
 * <li>{@code unknown} — anything else</li>
 * </ul>
 * Behaviour not fixed by the protocol reference is listed in the module's {@code ASSUMPTIONS.md}.
 */
public final class CteraPortalSimulator implements AutoCloseable {

    private final SimulatorState state;
    private final Clock clock = Clock.systemUTC();
    private final FileStore files;
    private final LogStore logs;
    private final BackgroundTasks tasks;
    private final StatisticsApi statistics;
    private final SessionStore sessions;
    private final FaultInjector faults;
    private final RequestJournal journal;
    private final DisposableServer server;
    private final URI baseUrl;
    private final @Nullable SelfSignedCertificate certificate;
    private final SimulatorCredentials adminCredentials;
    private final AtomicBoolean closed = new AtomicBoolean();
    // Open client connections; a portal that stops takes its connections down with it, so close() closes them.
    private final ChannelGroup connections = new DefaultChannelGroup("simulator-connections",
            GlobalEventExecutor.INSTANCE);
    private volatile boolean compressAnswers = true;

    private CteraPortalSimulator(SimulatorOptions options) {
        this.state = new SimulatorState(DemoData.DEFAULT_TENANT);
        DemoData.load(this.state, options.adminPassword(), options.seed());
        this.files = new FileStore(this.state, options.dataDirectory(), this.clock);
        this.logs = new LogStore(this.clock);
        this.tasks = new BackgroundTasks(options.taskDuration(), this.clock);
        this.statistics = new StatisticsApi(this.state, this.files, this.clock);
        this.state.attach(this.files, this.logs);
        DemoFiles.load(this.state, this.files, this.logs, this.statistics, options.seed(), this.clock);
        this.sessions = new SessionStore();
        this.faults = new FaultInjector();
        this.journal = new RequestJournal();
        this.adminCredentials = new SimulatorCredentials(DemoData.ADMIN_USERNAME, options.adminPassword());
        PortalHandler portal = portalHandler(options);
        TransferHandler transfers = new TransferHandler(portal, this.faults, this.journal,
                new AnswerWriter(this.sessions), this.state, this.files, this.logs);
        RouterFunction<ServerResponse> routes = new AdminEndpoint(this.faults, this.journal, this.sessions).routes()
            .and(transfers.routes())
            .andRoute(RequestPredicates.all(), portal);
        HandlerStrategies strategies = HandlerStrategies.builder()
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
            .build();
        HttpHandler handler = RouterFunctions.toHttpHandler(routes, strategies);
        HttpServer http = HttpServer.create()
            .host(options.bindAddress())
            .port(options.port())
            .doOnConnection(connection -> this.connections.add(connection.channel()))
            .compress((request, response) -> this.compressAnswers && CompressibleAnswer.test(request, response))
            .handle(new ReactorHttpHandlerAdapter(handler));
        this.certificate = options.tls() ? SelfSignedCertificate.generate(options.bindAddress()) : null;
        if (this.certificate != null) {
            SelfSignedCertificate tls = this.certificate;
            http = http.secure(spec -> spec.sslContext(
                    Http11SslContextSpec.forServer(tls.privateKey(), tls.certificate())));
        }
        this.server = http.bindNow(Duration.ofSeconds(10));
        this.baseUrl = URI.create((options.tls() ? "https" : "http") + "://" + urlHost(options.bindAddress()) + ":"
                + this.server.port());
    }

    /** Starts on 127.0.0.1, a free port, plain HTTP, with demo data. */
    public static CteraPortalSimulator start() {
        return start(SimulatorOptions.defaults());
    }

    /** Starts with the given options. */
    public static CteraPortalSimulator start(SimulatorOptions options) {
        return new CteraPortalSimulator(Objects.requireNonNull(options, "options"));
    }

    private PortalHandler portalHandler(SimulatorOptions options) {
        SessionApi session = new SessionApi(this.state, this.sessions, options.portalVersion(), this.logs);
        UserApi users = new UserApi(this.state, this.logs);
        DeviceApi devices = new DeviceApi(this.state);
        FileApi fileApi = new FileApi(this.state, this.files, this.tasks, this.logs);
        LogApi logApi = new LogApi(this.state, this.logs);
        ReportApi reports = new ReportApi(this.state, this.files, this.statistics, this.clock);
        NotificationApi notifications = new NotificationApi(this.state, this.files);
        ApiRouter router = ApiRouter.builder()
            .publicRoute(HttpMethod.POST, "/api/login", "login", session::login)
            .publicRoute(HttpMethod.POST, "/api/logout", "logout", session::logout)
            .publicRoute(HttpMethod.POST, "/sso", "sso", session::sso)
            .publicRoute(HttpMethod.GET, "/public/publicInfo", "publicInfo", session::publicInfo)
            .get("/api/currentSession", "currentSession", session::currentSession)
            .get("/api/currentPortal", "currentPortal", session::currentPortal)
            .put("/api/currentPortal", "currentPortal.set", session::browse)
            .get("/api/version", "version", session::version)
            .get("/api/rolesSettings/{name}", "rolesSettings", session::rolesSettings)
            .execute("/api", "getSessionToken", "getSessionToken", session::sessionToken)
            .database("/api/users", "query", "users.query", users::query)
            .database("/api/users", "add", "users.add", users::add)
            .database("/api/users/{name}", "get-multi", "users.get", users::getMulti)
            .get("/api/users/{name}", "users.read", users::read)
            .put("/api/users/{name}", "users.modify", users::modify)
            .execute("/api/users/{name}", "delete", "users.delete", users::delete)
            .database("/api/devices", "query", "devices.query", devices::query)
            .database("/api/portals/{tenant}/devices/{name}", "get-multi", "devices.get", devices::getMulti)
            .execute("/api", "fetchResources", "files.fetchResources", fileApi::fetchResources)
            .execute("/api", "makeCollection", "files.makeCollection", fileApi::makeCollection)
            .execute("/api", "deleteResources", "files.delete", fileApi::delete)
            .execute("/api", "restoreResources", "files.restore", fileApi::restore)
            .execute("/api", "copyResources", "files.copy", fileApi::copy)
            .execute("/api", "moveResources", "files.move", fileApi::move)
            .execute("/api", "listSnapshots", "files.listSnapshots", fileApi::listSnapshots)
            .execute("/api", "getTaskStatus", "tasks.status", fileApi::taskStatus)
            .get("/api/servers/{server}/bgTasks/{id}", "tasks.status", fileApi::taskRead)
            .get("/api/servers/{server}/bgTasks", "tasks.status", fileApi::taskList)
            .execute("/api", "queryLogs", "logs.query", logApi::query)
            .execute("/api", "generateReport", "reports.generate", reports::generate)
            .get("/api/reports/{name}", "reports.get", reports::read)
            .execute("/api", "getPortalsDisplayInfo", "statistics.portals", this.statistics::portalsDisplayInfo)
            .database("/api/cloudDrives", "query", "statistics.cloudDrives", this.statistics::cloudDrives)
            .database("/api/portals/{tenant}/cloudDrives", "query", "statistics.cloudDrives",
                    this.statistics::tenantCloudDrives)
            .execute("/api", "queryUsageHistory", "statistics.usageHistory", this.statistics::usageHistory)
            .json("/v2/api/metadata/list", "notifications.list", notifications::list)
            .json("/v2/api/metadata/longpoll", "notifications.longpoll", notifications::longpoll)
            .json("/v2/api/metadata/ancestors", "notifications.ancestors", notifications::ancestors)
            .build();
        return new PortalHandler(router, this.sessions, this.faults, this.journal);
    }

    private static String urlHost(String bindAddress) {
        if (bindAddress.equals("0.0.0.0") || bindAddress.isEmpty()) {
            return "127.0.0.1";
        }
        if (bindAddress.equals("::") || bindAddress.equals("[::]")) {
            return "[::1]";
        }
        return (bindAddress.indexOf(':') >= 0 && !bindAddress.startsWith("[")) ? "[" + bindAddress + "]" : bindAddress;
    }

    /**
     * Whether XML and JSON answers are compressed for clients that ask ({@code Accept-Encoding}); on by default. Off,
     * the simulator answers as a portal that never compresses, a baseline for measuring what compression saves.
     */
    public void compressAnswers(boolean compress) {
        this.compressAnswers = compress;
    }

    /** The port the server listens on. */
    public int port() {
        return this.server.port();
    }

    /** With {@code tls}, the self-signed certificate the server presents, in PEM; clients trust it to connect. */
    public Optional<String> certificatePem() {
        return Optional.ofNullable(this.certificate).map(SelfSignedCertificate::certificatePem);
    }

    /** Where the server is reached, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        return this.baseUrl;
    }

    /** The global administrator ({@code admin}) for the {@code admin} context. */
    public SimulatorCredentials adminCredentials() {
        return this.adminCredentials;
    }

    /** A {@code ReadWriteAdmin} of the default tenant, for the {@code ServicesPortal} context. */
    public SimulatorCredentials tenantAdminCredentials() {
        return DemoData.TENANT_ADMIN;
    }

    /** An {@code EndUser} of the default tenant. */
    public SimulatorCredentials endUserCredentials() {
        return DemoData.END_USER;
    }

    /** The default tenant's name, {@code acme}. */
    public String defaultTenant() {
        return DemoData.DEFAULT_TENANT;
    }

    /**
     * A token accepted as {@code Authorization: Bearer <token>} for that user: in the {@code admin} context for a
     * global administrator, in {@code ServicesPortal} for a tenant user (default tenant first).
     * @throws IllegalArgumentException for an unknown user
     */
    public String issueBearerToken(String username) {
        UserRecord admin = this.state.globalAdmin(username);
        if (admin != null) {
            return this.sessions.issueBearer(new Session(username, admin.role(), PortalContext.ADMIN, null));
        }
        Tenant home = this.state.requireTenant(DemoData.DEFAULT_TENANT);
        UserRecord user = home.users().get(username);
        if (user == null) {
            for (Tenant tenant : this.state.tenants()) {
                user = tenant.users().get(username);
                if (user != null) {
                    home = tenant;
                    break;
                }
            }
        }
        if (user == null) {
            throw new IllegalArgumentException("Unknown user: " + username);
        }
        return this.sessions.issueBearer(new Session(username, user.role(), PortalContext.SERVICES_PORTAL, home.name()));
    }

    /** Faults to inject into coming requests. */
    public FaultInjector faults() {
        return this.faults;
    }

    /** What the simulator has received. */
    public RequestJournal requests() {
        return this.journal;
    }

    /**
     * The session ids of the sessions open now and every bearer token issued: what a secrets scan must never find in
     * a client's output.
     */
    public Set<String> issuedSecrets() {
        return this.sessions.secrets();
    }

    /** The portal's users, devices, files, change feed and logs, as tests look at them. */
    public SimulatorState state() {
        return this.state;
    }

    /** Invalidates every JSESSIONID handed out so far; the next call with one gets the 302 expiry answer. */
    public void expireAllSessions() {
        this.sessions.invalidateAll();
    }

    /** Stops the server; calling it again does nothing. */
    @Override
    public void close() {
        if (this.closed.compareAndSet(false, true)) {
            this.tasks.close();
            // Stop accepting first, then drop kept-alive and held (long-poll) connections, as a stopped process would:
            // a client must not go on talking to a portal that is gone.
            this.server.dispose();
            this.connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            this.server.disposeNow(Duration.ofSeconds(5));
            this.files.close();
        }
    }

    /** Blocks until the server is stopped (standalone use). */
    void awaitClose() {
        this.server.onDispose().block();
    }

    @Override
    public String toString() {
        return "CteraPortalSimulator[" + this.baseUrl + "]";
    }
}
