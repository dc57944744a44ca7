package com.ctera.autoconfigure.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The ctera.store.* properties: where the starter keeps cursors, webhook deliveries and snapshots. */
@ConfigurationProperties("ctera.store")
public class CteraStoreProperties {

    /**
     * File path (without the .mv.db suffix) of the embedded H2 database the starter creates when the
     * application has no DataSource; relative paths are under the working directory.
     */
    private String path = "./ctera-store/ctera";

    /**
     * When the starter creates its tables: embedded only in an embedded (H2) database, always, or
     * never (the application manages the schema, e.g. with Flyway, from the scripts the starter ships).
     */
    private SchemaInitialization initializeSchema = SchemaInitialization.EMBEDDED;

    public String getPath() {
        return this.path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public SchemaInitialization getInitializeSchema() {
        return this.initializeSchema;
    }

    public void setInitializeSchema(SchemaInitialization initializeSchema) {
        this.initializeSchema = initializeSchema;
    }

    /** When the starter applies its schema, by Boot's convention for spring.sql.init.mode. */
    public enum SchemaInitialization {

        /** Only in an embedded database (H2). */
        EMBEDDED,

        /** In any database. */
        ALWAYS,

        /** Never: the application applies the shipped scripts itself. */
        NEVER
    }
}
