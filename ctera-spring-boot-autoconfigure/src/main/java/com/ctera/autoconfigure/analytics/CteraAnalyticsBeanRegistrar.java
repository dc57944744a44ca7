package com.ctera.autoconfigure.analytics;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;

import com.ctera.client.CteraPortal;
import com.ctera.client.analytics.PortalAnalytics;

/**
 * Registers one {@link PortalAnalytics} bean per {@link CteraPortal} bean: {@code mainCteraPortal} gets
 * {@code mainCteraAnalytics} with qualifier {@code main}, primary when the portal is. A bean the application defines
 * under that name wins.
 */
final class CteraAnalyticsBeanRegistrar implements BeanDefinitionRegistryPostProcessor {

    static final String PORTAL_SUFFIX = "CteraPortal";

    static final String ANALYTICS_SUFFIX = "CteraAnalytics";

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (!(registry instanceof ConfigurableListableBeanFactory beanFactory)) {
            return;
        }
        for (String portalBean : beanFactory.getBeanNamesForType(CteraPortal.class, true, false)) {
            String name = portalBean.endsWith(PORTAL_SUFFIX)
                    ? portalBean.substring(0, portalBean.length() - PORTAL_SUFFIX.length()) : portalBean;
            String beanName = name + ANALYTICS_SUFFIX;
            if (registry.containsBeanDefinition(beanName)) {
                continue;
            }
            BeanDefinition portal = registry.getBeanDefinition(portalBean);
            registry.registerBeanDefinition(beanName, definition(beanFactory, portalBean, name, portal.isPrimary()));
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    }

    private static RootBeanDefinition definition(BeanFactory beanFactory, String portalBean, String name,
            boolean primary) {
        RootBeanDefinition definition = new RootBeanDefinition(PortalAnalytics.class,
                () -> beanFactory.getBean(CteraAnalyticsFactory.class)
                    .create(beanFactory.getBean(portalBean, CteraPortal.class)));
        definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
        definition.setPrimary(primary);
        return definition;
    }
}
