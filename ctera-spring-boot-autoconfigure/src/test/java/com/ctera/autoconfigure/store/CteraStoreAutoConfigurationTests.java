package com.ctera.autoconfigure.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Which database the store uses, that the embedded one is not a DataSource bean, and when the schema is applied. */
class CteraStoreAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CteraStoreAutoConfiguration.class));

    @TempDir
    Path directory;

    @Test
    void withoutDataSourceAnEmbeddedH2FileIsCreatedOnFirstUseAndIsNoBean() {
        Path path = this.directory.resolve("store/ctera");
        this.runner.withPropertyValues("ctera.store.path=" + path).run(context -> {
            assertThat(context).doesNotHaveBean(DataSource.class);
            CteraStore store = context.getBean(CteraStore.class);
            assertThat(store.embedded()).isTrue();
            assertThat(store.dialect()).isEqualTo(CteraStore.Dialect.H2);
            assertThat(Files.exists(this.directory.resolve("store/ctera.mv.db"))).isFalse();
            assertThat(tables(store.dataSource())).contains("CTERA_EVENT_CURSOR", "CTERA_WEBHOOK_DELIVERY");
            assertThat(Files.exists(this.directory.resolve("store/ctera.mv.db"))).isTrue();
        });
    }

    @Test
    void theApplicationsDataSourceIsUsedAndAnEmbeddedOneGetsTheSchema() {
        this.runner.withBean(DataSource.class, () -> h2("app")).run(context -> {
            CteraStore store = context.getBean(CteraStore.class);
            assertThat(store.embedded()).isFalse();
            assertThat(store.dataSource()).isSameAs(context.getBean(DataSource.class));
            assertThat(tables(store.dataSource())).contains("CTERA_EVENT_PUBLICATION", "CTERA_LOCK");
        });
    }

    @Test
    void theMarkedDataSourceWinsOverThePrimaryOne() {
        this.runner.withUserConfiguration(TwoDataSources.class).run(context -> {
            CteraStore store = context.getBean(CteraStore.class);
            assertThat(store.dataSource()).isSameAs(context.getBean("cteraOnly"));
            assertThat(tables(context.getBean("main", DataSource.class))).doesNotContain("CTERA_LOCK");
        });
    }

    @Test
    void neverLeavesTheSchemaToTheApplication() {
        this.runner.withBean(DataSource.class, () -> h2("never"))
            .withPropertyValues("ctera.store.initialize-schema=never")
            .run(context -> assertThat(tables(context.getBean(CteraStore.class).dataSource()))
                .doesNotContain("CTERA_LOCK"));
    }

    @Test
    void anUnsupportedDatabaseIsRefusedWithWhatIsAllowed() {
        DataSource other = new org.springframework.jdbc.datasource.SingleConnectionDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("connection refused");
            }
        };
        this.runner.withBean(DataSource.class, () -> other).run(context -> assertThatIllegalStateException()
            .isThrownBy(() -> context.getBean(CteraStore.class).dataSource())
            .withMessageContaining("does not answer"));
    }

    static JdbcDataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    static java.util.List<String> tables(DataSource dataSource) throws SQLException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.getMetaData().getTables(null, null, "CTERA%", new String[] { "TABLE" })) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME").toUpperCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {

        @Bean
        @Primary
        DataSource main() {
            return h2("main");
        }

        @Bean
        @CteraDataSource
        DataSource cteraOnly() {
            return h2("ctera");
        }
    }
}
