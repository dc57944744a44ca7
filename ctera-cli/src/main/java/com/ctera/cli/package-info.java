/**
 * The {@code ctera} command line: picocli commands on a lean, lazily started Spring Boot context that reads the same
 * {@code ctera.*} configuration, profiles and environment variables as an application using the starter.
 */
@NullMarked
package com.ctera.cli;

import org.jspecify.annotations.NullMarked;
