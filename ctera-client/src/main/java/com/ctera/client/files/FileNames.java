package com.ctera.client.files;

/**
 * The one check of file and folder names, whoever supplies them: a name is one path segment that stays inside its
 * folder, locally and on the portal. Callers' names must also avoid the characters the portal refuses.
 */
final class FileNames {

    // The SDK refuses these characters in names before sending anything (cio/core/commands.py).
    private static final String FORBIDDEN_BY_PORTAL = "\\/:?&<>\"|";

    private FileNames() {
    }

    /** Checks a name given by the application, for a new item on the portal or a path segment. */
    static String requireValid(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (FORBIDDEN_BY_PORTAL.indexOf(name.charAt(i)) >= 0) {
                throw new InvalidFileNameException(InvalidFileNameException.Origin.CALLER, "name '" + name
                        + "' contains '" + name.charAt(i) + "'; names cannot contain any of \\ / : ? & < > \" |");
            }
        }
        return requireSafe(name, InvalidFileNameException.Origin.CALLER);
    }

    /**
     * Checks one segment of a path, from the application or the portal: not blank, not {@code .} or {@code ..}, no
     * separator, NUL or control character.
     */
    static String requireSafe(String name, InvalidFileNameException.Origin origin) {
        String from = (origin == InvalidFileNameException.Origin.PORTAL) ? "the portal sent the name '" : "name '";
        if (name.isBlank()) {
            throw new InvalidFileNameException(origin, from + printable(name) + "', but a name must not be blank");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new InvalidFileNameException(origin, from + name + "', but a name must not be '.' or '..'; "
                    + "write the full path from the root, such as 'My Files/docs/a.txt'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                throw new InvalidFileNameException(origin, from + printable(name)
                        + "', but a name must not contain a separator ('/' or '\\')");
            }
            if (Character.isISOControl(c)) {
                throw new InvalidFileNameException(origin, from + printable(name) + "', but a name must not "
                        + "contain NUL or another control character (found U+" + String.format("%04X", (int) c)
                        + ")");
            }
        }
        return name;
    }

    // Control characters are shown escaped, so that the message itself carries none into a log.
    private static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", (int) c));
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
