package com.ctera.client.bulk;

/** A listed item that a download refused to write, because its name could lead outside the target directory. */
public final class UnsafePathException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * @param path the item's portal path
     * @param problem why it was refused
     */
    public UnsafePathException(String path, String problem) {
        super("refused to write '" + path + "': " + problem + "; nothing was written for it");
        this.path = path;
    }

    /** The refused item's portal path. */
    public String path() {
        return this.path;
    }
}
