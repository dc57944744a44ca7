package com.ctera.client.session;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraOperation;
import com.ctera.client.protocol.CallEnvelope;
import com.ctera.client.protocol.Paging;
import com.ctera.client.protocol.XmlCodec;
import com.ctera.client.protocol.XmlValue;
import com.ctera.client.transport.ApiRequest;
import com.ctera.client.transport.CallLimits;
import com.ctera.client.transport.PortalEndpoint;
import com.ctera.client.transport.ResponseReader;
import com.ctera.client.transport.XmlResponses;

/**
 * The four XML call shapes of the management API (protocol §1.4), sent within the session: what the API areas
 * ({@code users}, {@code devices}, ...) are written against.
 */
public final class PortalCalls {

    private final PortalSession session;

    private final PortalEndpoint endpoint;

    private final XmlCodec codec;

    private final CallLimits limits;

    public PortalCalls(PortalSession session, PortalEndpoint endpoint, XmlCodec codec, CallLimits limits) {
        this.session = session;
        this.endpoint = endpoint;
        this.codec = codec;
        this.limits = limits;
    }

    /** What one call may cost, such as the most items of a listing. */
    public CallLimits limits() {
        return this.limits;
    }

    /** The bound of a listing whose pages {@code operation} fetches. */
    public Paging.Limit listLimit(CteraOperation operation) {
        return new Paging.Limit(operation.name(), this.limits.maxListItems());
    }

    /** The codec for bodies, also for streaming readers. */
    public XmlCodec codec() {
        return this.codec;
    }

    /** The URI of an API node; segments are encoded one by one. */
    public URI api(String... segments) {
        return this.endpoint.api(segments);
    }

    /** The portal's context. */
    public PortalEndpoint endpoint() {
        return this.endpoint;
    }

    /** {@code GET} of a node, decoded as a tree. */
    public Mono<XmlValue> get(CteraOperation operation, URI uri) {
        return this.session.call(ApiRequest.get(operation, uri), XmlResponses.tree(this.codec));
    }

    /** {@code PUT} of a node's new value. */
    public Mono<XmlValue> put(CteraOperation operation, URI uri, XmlValue value) {
        return this.session.call(ApiRequest.put(operation, uri, encode(value)), XmlResponses.tree(this.codec));
    }

    /** {@code POST} of a call envelope, answer decoded as a tree. */
    public Mono<XmlValue> post(CteraOperation operation, URI uri, XmlValue envelope) {
        return post(operation, uri, envelope, XmlResponses.tree(this.codec));
    }

    /** Encodes an envelope that is sent unchanged by many calls, once. */
    public EncodedEnvelope encodeOnce(XmlValue envelope) {
        return new EncodedEnvelope(encode(envelope));
    }

    /** {@code POST} of an envelope encoded by {@link #encodeOnce(XmlValue)}, answer decoded as a tree. */
    public Mono<XmlValue> post(CteraOperation operation, URI uri, EncodedEnvelope envelope) {
        return this.session.call(ApiRequest.post(operation, uri, envelope.xml()), XmlResponses.tree(this.codec));
    }

    /** {@code POST} of a call envelope, answer read by {@code reader} as it streams in. */
    public <T> Mono<T> post(CteraOperation operation, URI uri, XmlValue envelope, ResponseReader<T> reader) {
        return this.session.call(ApiRequest.post(operation, uri, encode(envelope)), reader);
    }

    /** {@code DELETE} of a node, with an optional XML body. */
    public Mono<XmlValue> delete(CteraOperation operation, URI uri, @Nullable XmlValue value) {
        byte[] body = (value != null) ? encode(value) : null;
        return this.session.call(ApiRequest.delete(operation, uri, body), XmlResponses.tree(this.codec));
    }

    /** Who the session is. */
    public Mono<SessionInfo> sessionInfo() {
        return this.session.info();
    }

    /** {@code POST /{ctx}/api} of a {@code user-defined} call, answer decoded as a tree. */
    public Mono<XmlValue> execute(CteraOperation operation, String name, @Nullable XmlValue param) {
        return post(operation, api(), CallEnvelope.userDefined(name, param));
    }

    /** {@code POST /{ctx}/api} of a {@code user-defined} call, answer read by {@code reader} as it streams in. */
    public <T> Mono<T> execute(CteraOperation operation, String name, @Nullable XmlValue param,
            ResponseReader<T> reader) {
        return post(operation, api(), CallEnvelope.userDefined(name, param), reader);
    }

    /**
     * Any other request (streamed upload, raw download, form or JSON post), sent within the session and through
     * the call pipeline like every other call.
     */
    public <T> Mono<T> call(ApiRequest request, ResponseReader<T> reader) {
        return this.session.call(request, reader);
    }

    private byte[] encode(XmlValue value) {
        return this.codec.encode(value);
    }
}
