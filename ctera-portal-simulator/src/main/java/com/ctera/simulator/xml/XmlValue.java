package com.ctera.simulator.xml;

/** One node of the CTERA XML format: an object, a list or a scalar value. */
public sealed interface XmlValue permits XmlObj, XmlList, XmlText {
}
