package com.ctera.client.transport;

import com.ctera.client.protocol.XmlCodec;
import com.ctera.client.protocol.XmlNull;
import com.ctera.client.protocol.XmlValue;

/** Readers for XML answers. */
public final class XmlResponses {

    private XmlResponses() {
    }

    /** Decodes the whole answer into a tree; an empty body is {@link XmlNull}, as the SDK reads it as None. */
    public static ResponseReader<XmlValue> tree(XmlCodec codec) {
        return (head, body) -> {
            XmlValue value = codec.decode(body);
            return (value != null) ? value : XmlNull.INSTANCE;
        };
    }

    /** Ignores the body: for calls whose answer carries nothing the client needs. */
    public static ResponseReader<XmlValue> discard() {
        return (head, body) -> XmlNull.INSTANCE;
    }
}
