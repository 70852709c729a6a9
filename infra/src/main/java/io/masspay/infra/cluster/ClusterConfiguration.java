package io.masspay.infra.cluster;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * Several nodes on one database (README, "Scaling out"; ADR 0010). Nothing here coordinates the nodes:
 * PostgreSQL does, through Axon's token claims, the event store's unique (aggregate, sequence) key and
 * db-scheduler's row locks. This only names the node and lets each pooled processor hold its fair share
 * of segments.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterConfiguration {

    @Bean
    public NodeName nodeName(@Value("${masspay.node.name:}") String configured) {
        return NodeName.of(configured);
    }

    /**
     * Tags this node's database connections, before the pool opens them, so {@link LiveNodes} can count
     * the nodes. Static: a post-processor must not wait for the configuration that declares it.
     */
    @Bean
    public static BeanPostProcessor connectionsNamedAfterNode(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    pool.addDataSourceProperty("ApplicationName",
                            NodeName.of(environment.getProperty("masspay.node.name")).applicationName());
                }
                return bean;
            }
        };
    }

    @Bean
    public LiveNodes liveNodes(JdbcTemplate jdbc) {
        return new LiveNodes(jdbc, Clock.systemUTC());
    }

    @Bean
    public FairSegmentShare fairSegmentShare(JdbcTemplate jdbc, LiveNodes liveNodes) {
        return new FairSegmentShare(jdbc, liveNodes);
    }
}
