package com.ctera.client.session;

/**
 * A call envelope encoded once, for calls that send the same envelope every time (a get-multi of fixed fields):
 * encoding it on every call cost more than the rest of building the request.
 */
public final class EncodedEnvelope {

    private final byte[] xml;

    EncodedEnvelope(byte[] xml) {
        this.xml = xml;
    }

    /** The encoded bytes; the request copies them, so the envelope stays as it was encoded. */
    byte[] xml() {
        return this.xml;
    }

    @Override
    public String toString() {
        return "EncodedEnvelope[" + this.xml.length + " bytes]";
    }
}
