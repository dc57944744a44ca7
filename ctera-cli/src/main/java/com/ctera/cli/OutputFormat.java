package com.ctera.cli;

/** How results are written to standard output. */
public enum OutputFormat {

    /** Aligned columns for people; the default on a terminal. */
    TABLE,

    /** A JSON array of objects (one object for a single item; one object per line when following a feed). */
    JSON,

    /** A YAML sequence of mappings (one mapping for a single item; one document per item when following). */
    YAML,

    /** RFC 4180 comma-separated values with a header row. */
    CSV,

    /** One HTML page that opens offline; only {@code ctera reports} writes it. */
    HTML
}
