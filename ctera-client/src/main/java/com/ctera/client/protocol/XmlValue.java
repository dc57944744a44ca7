package com.ctera.client.protocol;

/**
 * One node of the CTERA XML object format: an {@code <obj>}, a {@code <list>}, a {@code <val>}, or the null value of
 * an {@code <att id="x" />} with no child.
 */
public sealed interface XmlValue permits XmlObject, XmlList, XmlText, XmlNull {
}
