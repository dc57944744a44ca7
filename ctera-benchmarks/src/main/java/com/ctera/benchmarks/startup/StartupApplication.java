package com.ctera.benchmarks.startup;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The smallest application that uses the starter: auto-configuration only, no beans of its own. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StartupApplication {
}
