package com.vibotaj.tracehub.platform.internal.events;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.stereotype.Component;

/**
 * Tells the event registry that the database is PostgreSQL instead of letting it ask the database at
 * start-up. Modulith's JDBC auto-configuration opens a connection while the context starts to read the
 * product name, so an instance whose database is not reachable yet (or whose application role the
 * migration step has not created yet) would fail to start. TraceHub must start anyway and report "not
 * ready" until the database and migrations are there (MigrationsAsSeparateStepIntegrationTests).
 *
 * <p>The type is package-private in Modulith, hence the lookup by name; a Modulith upgrade that renames it
 * fails start-up loudly, which every integration test would show.
 */
@Component
class PostgresEventRegistryType implements BeanDefinitionRegistryPostProcessor {

    static final String BEAN = "databaseType";
    static final String TYPE = "org.springframework.modulith.events.jdbc.DatabaseType";

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
        if (!registry.containsBeanDefinition(BEAN)) {
            return;
        }
        Class<?> type = databaseTypeClass();
        RootBeanDefinition fixed = new RootBeanDefinition(type);
        fixed.setInstanceSupplier(() -> postgres(type));
        registry.removeBeanDefinition(BEAN);
        registry.registerBeanDefinition(BEAN, fixed);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // Nothing to do: the definition is replaced above.
    }

    private static Class<?> databaseTypeClass() {
        try {
            return Class.forName(TYPE, false, PostgresEventRegistryType.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Spring Modulith's " + TYPE + " is gone; revisit this class", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object postgres(Class<?> type) {
        return Enum.valueOf((Class) type, "POSTGRES");
    }
}
