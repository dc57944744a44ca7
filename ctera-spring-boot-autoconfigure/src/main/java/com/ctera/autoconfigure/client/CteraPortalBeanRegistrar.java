package com.ctera.autoconfigure.client;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

import com.ctera.client.CteraPortal;

/**
 * Registers one {@link CteraPortal} bean per configured portal: bean name {@code <name>CteraPortal}, qualifier
 * {@code <name>}, primary when it is the only one or {@code ctera.primary} names it. A bean the application defines
 * under the same name wins. With no portal configured and the simulator on the class path, registers the embedded
 * simulator and a portal named {@code embedded} that talks to it.
 */
final class CteraPortalBeanRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware,
        BeanClassLoaderAware {

    /** Bean name of the embedded simulator. */
    static final String SIMULATOR_BEAN_NAME = "cteraEmbeddedPortalSimulator";

    private static final String SIMULATOR_CLASS = "com.ctera.simulator.CteraPortalSimulator";

    private static final String EMBEDDED_SIMULATOR_CLASS = "com.ctera.autoconfigure.simulator.EmbeddedPortalSimulator";

    private @Nullable Environment environment;

    private @Nullable BeanFactory beanFactory;

    private @Nullable ClassLoader classLoader;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Assert.state(this.environment != null && this.beanFactory != null, "Environment and BeanFactory required");
        Binder binder = Binder.get(this.environment);
        // Only the names are read here; values are validated when the CteraProperties bean is bound.
        CteraProperties properties = binder.bind("ctera", CteraProperties.class).orElseGet(CteraProperties::new);
        List<String> names = new ArrayList<>(properties.configuredPortals().keySet());
        if (embeddedSimulatorWanted(binder, names.isEmpty())) {
            registerSimulator(registry);
            names.add(EmbeddedPortalSettings.PORTAL_NAME);
        }
        String primary = properties.getPrimary();
        for (String name : names) {
            String beanName = name + "CteraPortal";
            if (registry.containsBeanDefinition(beanName)) {
                continue;
            }
            registry.registerBeanDefinition(beanName,
                    portalDefinition(name, names.size() == 1 || name.equals(primary)));
        }
    }

    private boolean embeddedSimulatorWanted(Binder binder, boolean noPortalConfigured) {
        if (!ClassUtils.isPresent(SIMULATOR_CLASS, this.classLoader)) {
            return false;
        }
        Boolean enabled = binder.bind("ctera.simulator.enabled", Boolean.class).orElse(null);
        return (enabled != null) ? enabled : noPortalConfigured;
    }

    private void registerSimulator(BeanDefinitionRegistry registry) {
        if (registry.containsBeanDefinition(SIMULATOR_BEAN_NAME)) {
            return;
        }
        RootBeanDefinition simulator = new RootBeanDefinition();
        simulator.setBeanClassName(EMBEDDED_SIMULATOR_CLASS);
        simulator.setFactoryMethodName("start");
        simulator.setDestroyMethodName("close");
        registry.registerBeanDefinition(SIMULATOR_BEAN_NAME, simulator);
    }

    private RootBeanDefinition portalDefinition(String name, boolean primary) {
        BeanFactory factory = this.beanFactory;
        RootBeanDefinition definition = new RootBeanDefinition(CteraPortal.class,
                () -> factory.getBean(CteraPortalFactory.class).create(name));
        definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
        definition.setPrimary(primary);
        definition.setDestroyMethodName("close");
        return definition;
    }
}
