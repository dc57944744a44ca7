package com.ctera.client.pipeline;

import com.ctera.client.CteraOperation;

/**
 * What an interceptor knows about the call it wraps: the portal and the operation. Holds no request body and no
 * credential, so interceptors can log or tag it freely.
 * @param portalName the portal's configured name
 * @param operation the operation, with its idempotency
 */
public record CallContext(String portalName, CteraOperation operation) {
}
