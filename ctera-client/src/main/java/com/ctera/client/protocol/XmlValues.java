package com.ctera.client.protocol;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Describes values for messages and logs without ever revealing a secret. */
final class XmlValues {

    // The SDK's own list of fields it hides in logs (convert/serializers.py), plus the session ticket and tokens;
    // compared case-insensitively.
    private static final Set<String> SENSITIVE = Set.of("password", "awssecretkey", "sharedsecret", "passphrasesalt",
            "encpassphrase", "encryptedfolderkey", "oldpassword", "newpassword", "secretkey", "activationcode",
            "masterpassword", "masterkey", "secretaccess", "j_password", "ctera_ticket", "ticket", "token",
            "accesstoken", "sessiontoken");

    private static final String MASK = "******";

    private XmlValues() {
    }

    static boolean isSensitive(String attribute) {
        return SENSITIVE.contains(attribute.toLowerCase(Locale.ROOT));
    }

    /** A readable rendering in which the values of sensitive attributes are masked, at any depth. */
    static String render(XmlObject object) {
        StringBuilder out = new StringBuilder();
        render(object, out);
        return out.toString();
    }

    private static void render(XmlValue value, StringBuilder out) {
        if (value instanceof XmlObject object) {
            out.append("XmlObject[");
            if (object.className() != null) {
                out.append("class=").append(object.className()).append(", ");
            }
            if (object.uuid() != null) {
                out.append("uuid=").append(object.uuid()).append(", ");
            }
            out.append('{');
            String separator = "";
            for (Map.Entry<String, XmlValue> attribute : object.attributes().entrySet()) {
                out.append(separator).append(attribute.getKey()).append('=');
                if (attribute.getValue() != XmlNull.INSTANCE && isSensitive(attribute.getKey())) {
                    out.append(MASK);
                }
                else {
                    render(attribute.getValue(), out);
                }
                separator = ", ";
            }
            out.append("}]");
        }
        else if (value instanceof XmlList list) {
            out.append('[');
            String separator = "";
            for (XmlValue item : list.items()) {
                out.append(separator);
                render(item, out);
                separator = ", ";
            }
            out.append(']');
        }
        else if (value instanceof XmlText text) {
            out.append('"').append(text.text()).append('"');
        }
        else {
            out.append("null");
        }
    }

    static String describe(XmlValue value) {
        if (value instanceof XmlObject object) {
            return (object.className() != null) ? "<obj class=\"" + object.className() + "\">" : "<obj>";
        }
        if (value instanceof XmlList) {
            return "<list>";
        }
        if (value instanceof XmlText) {
            return "<val>";
        }
        return "null";
    }
}
