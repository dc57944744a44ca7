package com.ctera.client.protocol;

/** The value of an attribute written {@code <att id="x" />}: null, which is not the empty string {@code <val />}. */
public enum XmlNull implements XmlValue {

    /** The only null value. */
    INSTANCE
}
