package com.ctera.simulator.xml;

/** A request body that is not well-formed CTERA XML. */
public final class MalformedXmlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedXmlException(String message) {
        super(message);
    }

    public MalformedXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
