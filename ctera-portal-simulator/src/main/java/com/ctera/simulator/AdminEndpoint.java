package com.ctera.simulator;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON control endpoint under {@code /__simulator/}: faults, rate ceiling, request counts and session expiry,
 * for tests and demos that drive the simulator over HTTP. Unauthenticated by design; requests to it are not
 * journaled and not subject to faults.
 */
final class AdminEndpoint {

    static final String PREFIX = "/__simulator";

    private final JsonMapper json = JsonMapper.builder().build();
    private final FaultInjector faults;
    private final RequestJournal journal;
    private final SessionStore sessions;

    AdminEndpoint(FaultInjector faults, RequestJournal journal, SessionStore sessions) {
        this.faults = faults;
        this.journal = journal;
        this.sessions = sessions;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
            .POST(PREFIX + "/faults", this::injectFault)
            .DELETE(PREFIX + "/faults", request -> {
                this.faults.clear();
                return ok(this.json.createObjectNode().put("cleared", true));
            })
            .PUT(PREFIX + "/rate-ceiling", this::rateCeiling)
            .GET(PREFIX + "/requests", request -> ok(requestCounts()))
            .POST(PREFIX + "/sessions/expire", request -> {
                this.sessions.invalidateAll();
                return ok(this.json.createObjectNode().put("expired", true));
            })
            .route(RequestPredicates.path(PREFIX + "/**"), request -> error(HttpStatus.NOT_FOUND, "No such endpoint"))
            .build();
    }

    private Mono<ServerResponse> injectFault(ServerRequest request) {
        return body(request).flatMap(node -> {
            FaultRule rule = toRule(node);
            this.faults.inject(rule);
            return ok(this.json.createObjectNode().put("injected", rule.toString()));
        }).onErrorResume(IllegalArgumentException.class, ex -> error(HttpStatus.BAD_REQUEST, ex.getMessage()));
    }

    private Mono<ServerResponse> rateCeiling(ServerRequest request) {
        return body(request).flatMap(node -> {
            if (!node.path("requestsPerSecond").isNumber()) {
                return error(HttpStatus.BAD_REQUEST, "requestsPerSecond (a number) is required");
            }
            double limit = node.path("requestsPerSecond").asDouble();
            this.faults.requestRateCeiling(limit);
            return ok(this.json.createObjectNode().put("requestsPerSecond", limit));
        }).onErrorResume(IllegalArgumentException.class, ex -> error(HttpStatus.BAD_REQUEST, ex.getMessage()));
    }

    private ObjectNode requestCounts() {
        ObjectNode root = this.json.createObjectNode();
        root.put("total", this.journal.total());
        ObjectNode operations = root.putObject("operations");
        this.journal.snapshot().forEach((operation, counts) -> operations.putObject(operation)
            .put("received", counts[0])
            .put("processed", counts[1]));
        return root;
    }

    /** Builds a rule from {@code {"operation"|"path", "times", "action", "status", ...}}. */
    static FaultRule toRule(JsonNode node) {
        FaultRule rule;
        if (node.hasNonNull("operation")) {
            rule = FaultRule.forOperation(node.get("operation").asString());
        }
        else if (node.hasNonNull("path")) {
            rule = FaultRule.forPath(node.get("path").asString());
        }
        else {
            throw new IllegalArgumentException("Either \"operation\" or \"path\" is required");
        }
        rule = rule.times(node.path("times").asInt(1));
        Duration retryAfter = Duration.ofSeconds(node.path("retryAfterSeconds").asLong(1));
        String action = node.path("action").asString("status");
        rule = switch (action) {
            case "status" -> rule.status(node.path("status").asInt(500));
            case "tooManyRequests" -> rule.tooManyRequests(retryAfter);
            case "serviceUnavailable" -> rule.serviceUnavailable(retryAfter);
            case "delay" -> rule.delay(Duration.ofMillis(node.path("delayMillis").asLong(0)));
            case "connectionReset" -> rule.connectionReset();
            case "truncatedBody" -> rule.truncatedBody();
            case "expireSession" -> rule.expireSession();
            case "expireSessionMidTransfer" -> rule.expireSessionMidTransfer();
            default -> throw new IllegalArgumentException("Unknown action: " + action);
        };
        return node.path("afterProcessing").asBoolean(false) ? rule.afterProcessing() : rule;
    }

    private Mono<JsonNode> body(ServerRequest request) {
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).map(bytes -> {
            try {
                JsonNode node = this.json.readTree(bytes);
                if (node == null || !node.isObject()) {
                    throw new IllegalArgumentException("A JSON object is required");
                }
                return node;
            }
            catch (JacksonException ex) {
                throw new IllegalArgumentException("Malformed JSON", ex);
            }
        });
    }

    private Mono<ServerResponse> ok(ObjectNode body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(this.json.writeValueAsString(body));
    }

    private Mono<ServerResponse> error(HttpStatus status, String message) {
        return ServerResponse.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(this.json.writeValueAsString(this.json.createObjectNode().put("error", message)));
    }
}
