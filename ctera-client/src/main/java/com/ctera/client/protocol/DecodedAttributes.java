package com.ctera.client.protocol;

import java.util.LinkedHashMap;

/**
 * The attributes of one object as the decoder reads them: filled once by {@link XmlCursor} and then owned by the
 * {@link XmlObject} built from them, which therefore need not copy them. Never handed to anyone else.
 */
final class DecodedAttributes extends LinkedHashMap<String, XmlValue> {

    private static final long serialVersionUID = 1L;
}
