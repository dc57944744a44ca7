package com.ctera.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.client.CteraPortal;

/** The read-only {@code /actuator/ctera} endpoint, when Actuator is present and the endpoint is exposed. */
@AutoConfiguration(after = CteraClientAutoConfiguration.class)
@ConditionalOnClass({ CteraPortal.class, Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(CteraPortal.class)
@ConditionalOnAvailableEndpoint(CteraEndpoint.class)
public final class CteraEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CteraEndpoint cteraEndpoint(ObjectProvider<CteraPortal> portals,
            ObjectProvider<CteraEndpointContributor> contributors) {
        Map<String, CteraPortal> byName = new LinkedHashMap<>();
        portals.orderedStream().forEach((portal) -> byName.putIfAbsent(portal.name(), portal));
        return new CteraEndpoint(byName, contributors.orderedStream().toList());
    }
}
