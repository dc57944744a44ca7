package com.ctera.autoconfigure.bulk;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.Assert;

import com.ctera.client.CteraPortal;
import com.ctera.client.bulk.CteraBulk;

/**
 * Registers one {@link CteraBulk} per portal bean the starter registered ({@code <name>CteraPortal}): bean name
 * {@code <name>CteraBulk}, qualifier {@code <name>}, primary when its portal is. A bean the application defines under
 * the same name wins.
 */
final class CteraBulkBeanRegistrar implements ImportBeanDefinitionRegistrar, BeanFactoryAware {

    private static final String PORTAL_SUFFIX = "CteraPortal";

    private @Nullable BeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Assert.state(this.beanFactory != null, "BeanFactory required");
        for (String portalBean : registry.getBeanDefinitionNames()) {
            if (!portalBean.endsWith(PORTAL_SUFFIX) || portalBean.equals(PORTAL_SUFFIX)) {
                continue;
            }
            BeanDefinition portal = registry.getBeanDefinition(portalBean);
            if (!(portal instanceof RootBeanDefinition root)
                    || !CteraPortal.class.equals(root.hasBeanClass() ? root.getBeanClass() : root.getTargetType())) {
                continue;
            }
            String name = portalBean.substring(0, portalBean.length() - PORTAL_SUFFIX.length());
            String bulkBean = name + "CteraBulk";
            if (!registry.containsBeanDefinition(bulkBean)) {
                registry.registerBeanDefinition(bulkBean, bulkDefinition(portalBean, name, portal.isPrimary()));
            }
        }
    }

    private RootBeanDefinition bulkDefinition(String portalBean, String name, boolean primary) {
        BeanFactory factory = this.beanFactory;
        RootBeanDefinition definition = new RootBeanDefinition(CteraBulk.class, () -> factory
            .getBean(CteraBulkFactory.class).create(factory.getBean(portalBean, CteraPortal.class)));
        definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
        definition.setPrimary(primary);
        return definition;
    }
}
