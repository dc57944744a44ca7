package com.ctera.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import com.ctera.simulator.xml.XmlObj;
import com.ctera.simulator.xml.XmlReader;
import com.ctera.simulator.xml.XmlValue;
import org.jspecify.annotations.Nullable;

/** A tiny JDK-HttpClient test client for the simulator: raw requests plus a logged-in view per context. */
final class PortalHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient client;

    PortalHttp(CteraPortalSimulator simulator) {
        this(simulator.baseUrl(), newClient());
    }

    PortalHttp(URI base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    }

    /** Sends one request; {@code headers} are name/value pairs. */
    HttpResponse<String> send(String method, String path, @Nullable String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path)).timeout(TIMEOUT);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
                : HttpRequest.BodyPublishers.noBody());
        try {
            return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ex;
        }
    }

    HttpResponse<String> login(String context, SimulatorCredentials credentials)
            throws IOException, InterruptedException {
        String form = "j_username=" + encode(credentials.username()) + "&j_password=" + encode(credentials.password());
        return send("POST", "/" + context + "/api/login", form, "Content-Type", "application/x-www-form-urlencoded");
    }

    /** Logs in and returns a view that sends the session cookie. */
    Session session(String context, SimulatorCredentials credentials) throws IOException, InterruptedException {
        HttpResponse<String> response = login(context, credentials);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Login failed with " + response.statusCode());
        }
        return new Session(context, "Cookie", cookieOf(response).orElseThrow());
    }

    /** A view that authenticates with a bearer token. */
    Session bearer(String context, String token) {
        return new Session(context, "Authorization", "Bearer " + token);
    }

    static Optional<String> cookieOf(HttpResponse<?> response) {
        return response.headers().firstValue("Set-Cookie").map(value -> value.split(";", 2)[0]);
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String db(String name, String param) {
        return envelope("db", name, param);
    }

    static String execute(String name, String param) {
        return envelope("user-defined", name, param);
    }

    static String envelope(String type, String name, String param) {
        return "<obj><att id=\"type\"><val>" + type + "</val></att><att id=\"name\"><val>" + name
                + "</val></att><att id=\"param\">" + param + "</att></obj>";
    }

    /** A QueryParams object; {@code extra} is appended inside it (filters, orFilter, ...). */
    static String queryParams(int startFrom, int countLimit, String include, String extra) {
        return "<obj><att id=\"startFrom\"><val>" + startFrom + "</val></att><att id=\"countLimit\"><val>" + countLimit
                + "</val></att><att id=\"include\"><list>" + include + "</list></att>" + extra + "</obj>";
    }

    static String filter(String kind, String field, String restriction, String value) {
        return "<obj class=\"" + kind + "\"><att id=\"field\"><val>" + field + "</val></att><att id=\"restriction\"><val>"
                + restriction + "</val></att><att id=\"value\"><val>" + value + "</val></att></obj>";
    }

    static XmlValue parse(HttpResponse<String> response) {
        XmlValue value = new XmlReader().read(response.body().getBytes(StandardCharsets.UTF_8));
        if (value == null) {
            throw new AssertionError("Empty body");
        }
        return value;
    }

    static XmlObj parseObj(HttpResponse<String> response) {
        return (XmlObj) parse(response);
    }

    /** Requests in one context carrying one authentication header. */
    final class Session {

        private final String context;
        private final String header;
        private final String value;

        Session(String context, String header, String value) {
            this.context = context;
            this.header = header;
            this.value = value;
        }

        String cookie() {
            return this.value;
        }

        HttpResponse<String> get(String apiPath) throws IOException, InterruptedException {
            return send("GET", "/" + this.context + "/api" + apiPath, null, this.header, this.value);
        }

        HttpResponse<String> post(String apiPath, String xml) throws IOException, InterruptedException {
            return send("POST", "/" + this.context + "/api" + apiPath, xml, this.header, this.value, "Content-Type",
                    "text/plain");
        }

        HttpResponse<String> put(String apiPath, String xml) throws IOException, InterruptedException {
            return send("PUT", "/" + this.context + "/api" + apiPath, xml, this.header, this.value, "Content-Type",
                    "text/plain");
        }
    }
}
