package com.ctera.autoconfigure.testsupport;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.client.CteraClientErrorException;
import com.ctera.client.CteraPortal;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultInjector;
import com.ctera.simulator.FaultRule;
import com.ctera.simulator.RequestJournal;
import com.ctera.test.CteraPortalTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code @CteraPortalTest} in a Spring test context, as an application uses it: the named portal is configured
 * against the shared simulator, the simulator is a bean, and one test's faults are gone in the next.
 */
@CteraPortalTest(portal = "ops")
@SpringJUnitConfig(CteraPortalTestSupportTests.Application.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CteraPortalTestSupportTests {

    @Autowired
    @Qualifier("ops")
    private CteraPortal portal;

    @Autowired
    private CteraPortalSimulator simulator;

    @Test
    @Order(1)
    void thePortalWorksAgainstTheSharedSimulatorInTheConfiguredTenant(CteraPortalSimulator shared,
            FaultInjector faults, RequestJournal journal) {
        assertThat(shared).isSameAs(this.simulator);
        assertThat(this.portal.baseUrl()).isEqualTo(this.simulator.baseUrl());
        assertThat(this.portal.session().tenant()).isEqualTo("acme");
        long before = journal.count("users.get");
        faults.inject(FaultRule.forOperation("users.get").status(400).times(1000));
        assertThatThrownBy(() -> this.portal.users().get(this.simulator.endUserCredentials().username()))
            .isInstanceOf(CteraClientErrorException.class);
        assertThat(journal.count("users.get")).isGreaterThan(before);
    }

    @Test
    @Order(2)
    void theFaultsOfTheTestBeforeAreCleared() {
        String user = this.simulator.endUserCredentials().username();
        assertThat(this.portal.users().get(user).name()).isEqualTo(user);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(CteraClientAutoConfiguration.class)
    static class Application {
    }
}
