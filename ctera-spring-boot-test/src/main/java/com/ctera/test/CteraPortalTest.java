package com.ctera.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the CTERA portal simulator, as {@code @DataJpaTest} runs one against an embedded
 * database: one simulator is started for the whole test run and shared; with Spring's test context
 * ({@code @SpringBootTest}), the portal named {@link #portal()} is configured against it
 * ({@code ctera.portals.<name>.url}, credentials, context, tenant) and the simulator is a bean; test methods and
 * constructors may take the {@link com.ctera.simulator.CteraPortalSimulator}, its
 * {@link com.ctera.simulator.FaultInjector}, its {@link com.ctera.simulator.RequestJournal} or the
 * {@link SimulatedPortal} as parameters. Faults injected by a test are cleared after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CteraPortalTestExtension.class)
public @interface CteraPortalTest {

    /** The portal's name under {@code ctera.portals}, which also names its bean ({@code <name>CteraPortal}). */
    String portal() default "main";

    /** The context to log in to: {@code admin} (the global administrator) or {@code services-portal}. */
    String context() default "admin";

    /**
     * The tenant to work in; in the admin context empty means global administration, in the
     * {@code services-portal} context the simulator's only tenant is used whatever is given.
     */
    String tenant() default "acme";
}
