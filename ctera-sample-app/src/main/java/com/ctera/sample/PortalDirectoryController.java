package com.ctera.sample;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraPortal;
import com.ctera.client.devices.Device;
import com.ctera.client.users.PortalUser;
import com.ctera.client.users.UserQuery;

/**
 * Reads the primary portal's directory through the reactive API: pages are fetched as the response is written, and
 * no request thread waits for the portal.
 */
@RestController
class PortalDirectoryController {

    private static final int MAX_LIMIT = 500;

    private final CteraPortal portal;

    PortalDirectoryController(CteraPortal portal) {
        this.portal = portal;
    }

    /** Users whose name or e-mail contains {@code q}, at most {@code limit} of them. */
    @GetMapping("/users")
    Flux<PortalUser> users(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Flux.error(new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit));
        }
        UserQuery query = q.isBlank() ? UserQuery.all() : UserQuery.builder().nameLike(q).emailLike(q).build();
        return this.portal.reactive().users().list(query).take(limit);
    }

    /** One user. */
    @GetMapping("/users/{name}")
    Mono<PortalUser> user(@PathVariable String name) {
        return this.portal.reactive().users().get(name);
    }

    /** Every device of the portal's current tenant. */
    @GetMapping("/devices")
    Flux<Device> devices() {
        return this.portal.reactive().devices().list();
    }
}
