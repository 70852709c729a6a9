package io.masspay.infra.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * Saga deadlines (payout retries and timeouts) in PostgreSQL through db-scheduler, AxonIQ's
 * recommendation on a relational database: a deadline survives a restart and fires once across all
 * nodes. Axon's {@code AxonDbSchedulerAutoConfiguration} builds the DeadlineManager and its task once
 * this Scheduler exists. The data source is transaction-aware, so a deadline scheduled in a unit of
 * work commits or rolls back with it.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    @Bean
    public Scheduler deadlineScheduler(DataSource dataSource,
                                       @Qualifier("deadlineDetailsTask") Task<?> deadlineTask,
                                       @Qualifier("eventDataTask") Task<?> eventTask,
                                       @Value("${masspay.deadlines.polling-interval:PT0.2S}") Duration polling,
                                       @Value("${masspay.deadlines.threads:4}") int threads) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), List.of(deadlineTask, eventTask))
                .threads(threads)
                .pollingInterval(polling)
                .commitWhenAutocommitDisabled(false)
                .build();
    }

    /** Starts polling once the application is up, and stops it, letting running deadlines finish, on shutdown. */
    @Bean
    public SmartLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
