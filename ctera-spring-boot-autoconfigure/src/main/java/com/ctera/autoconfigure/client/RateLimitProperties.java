package com.ctera.autoconfigure.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client-side rate limit of a portal ({@code ctera.portals.<name>.rate-limit.*}) and its per operation group
 * overrides.
 */
public class RateLimitProperties extends LimitProperties {

    /**
     * Limits of operation groups, replacing the portal's limit for their operations: users covers
     * users.add, users.query, ...; the most specific group wins. Unset keys fall back to the
     * portal's limit. Write dotted groups in brackets: operations[files.upload].rate.
     */
    private Map<String, LimitProperties> operations = new LinkedHashMap<>();

    public Map<String, LimitProperties> getOperations() {
        return this.operations;
    }

    public void setOperations(Map<String, LimitProperties> operations) {
        this.operations = operations;
    }
}
