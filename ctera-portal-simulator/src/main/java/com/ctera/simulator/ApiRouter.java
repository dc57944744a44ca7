package com.ctera.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.ctera.simulator.xml.MalformedXmlException;
import com.ctera.simulator.xml.XmlObj;
import com.ctera.simulator.xml.XmlReader;
import com.ctera.simulator.xml.XmlValue;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The dispatch table: maps a request (method, path, envelope name) to its operation and handler. Adding an
 * operation is one {@link Builder} line plus its handler.
 */
final class ApiRouter {

    /** The operation name of requests no route matches. */
    static final String UNKNOWN = "unknown";

    private final List<ApiRoute> routes;
    private final XmlReader xmlReader = new XmlReader();

    private ApiRouter(List<ApiRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    static Builder builder() {
        return new Builder();
    }

    /**
     * Finds the route of a request. The body is parsed only when a candidate route needs XML; a malformed body
     * leaves the request classified (when the method and path decide it) but marked malformed.
     */
    Classification classify(HttpMethod method, String relativePath, byte[] body) {
        PathContainer path = PathContainer.parsePath(relativePath);
        List<Candidate> candidates = new ArrayList<>(2);
        for (ApiRoute route : this.routes) {
            if (route.method().equals(method)) {
                PathPattern.PathMatchInfo match = route.pattern().matchAndExtract(path);
                if (match != null) {
                    candidates.add(new Candidate(route, match.getUriVariables()));
                }
            }
        }
        if (candidates.isEmpty()) {
            return Classification.unmatched();
        }
        Candidate first = candidates.get(0);
        if (!first.route().parsesXml()) {
            return new Classification(first.route(), first.variables(), null, null);
        }
        XmlValue document;
        try {
            document = this.xmlReader.read(body);
        }
        catch (MalformedXmlException ex) {
            ApiRoute known = first.route().usesEnvelope() ? null : first.route();
            return new Classification(known, first.variables(), null, ex.getMessage());
        }
        if (!first.route().usesEnvelope()) {
            return new Classification(first.route(), first.variables(), document, null);
        }
        if (!(document instanceof XmlObj envelope)) {
            return new Classification(null, Map.of(), null, "The request body is not a call envelope");
        }
        String type = envelope.text("type").orElse("");
        String name = envelope.text("name").orElse("");
        for (Candidate candidate : candidates) {
            ApiRoute route = candidate.route();
            if (type.equals(route.envelopeType()) && name.equals(route.envelopeName())) {
                return new Classification(route, candidate.variables(), envelope.get("param"), null);
            }
        }
        return Classification.unmatched();
    }

    /**
     * The outcome of {@link #classify}.
     * @param route the matched route, or null
     * @param variables path variables
     * @param payload envelope param or PUT body
     * @param malformed why the body could not be read, or null
     */
    record Classification(@Nullable ApiRoute route, Map<String, String> variables, @Nullable XmlValue payload,
            @Nullable String malformed) {

        static Classification unmatched() {
            return new Classification(null, Map.of(), null, null);
        }

        String operation() {
            return (this.route != null) ? this.route.operation() : UNKNOWN;
        }
    }

    private record Candidate(ApiRoute route, Map<String, String> variables) {
    }

    /** Collects routes; paths are relative to the context, e.g. {@code /api/users/{name}}. */
    static final class Builder {

        private final PathPatternParser parser = new PathPatternParser();
        private final List<ApiRoute> routes = new ArrayList<>();

        /** An authenticated GET. */
        Builder get(String path, String operation, ApiHandler handler) {
            return add(HttpMethod.GET, path, null, null, operation, true, handler);
        }

        /** An authenticated PUT whose body is XML. */
        Builder put(String path, String operation, ApiHandler handler) {
            return add(HttpMethod.PUT, path, null, null, operation, true, handler);
        }

        /** An authenticated {@code db} call (POST envelope with type {@code db}). */
        Builder database(String path, String name, String operation, ApiHandler handler) {
            return add(HttpMethod.POST, path, "db", name, operation, true, handler);
        }

        /** An authenticated {@code user-defined} call (POST envelope with type {@code user-defined}). */
        Builder execute(String path, String name, String operation, ApiHandler handler) {
            return add(HttpMethod.POST, path, "user-defined", name, operation, true, handler);
        }

        /** An authenticated POST whose body is JSON (the v2 notification API), handed over raw. */
        Builder json(String path, String operation, ApiHandler handler) {
            return add(HttpMethod.POST, path, null, null, operation, true, handler);
        }

        /** A route reachable without a session. */
        Builder publicRoute(HttpMethod method, String path, String operation, ApiHandler handler) {
            return add(method, path, null, null, operation, false, handler);
        }

        private Builder add(HttpMethod method, String path, @Nullable String type, @Nullable String name,
                String operation, boolean authenticated, ApiHandler handler) {
            this.routes.add(new ApiRoute(method, this.parser.parse(path), type, name, operation, authenticated,
                    handler));
            return this;
        }

        ApiRouter build() {
            return new ApiRouter(this.routes);
        }
    }
}
