package io.masspay.infra.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import io.masspay.infra.cluster.NodeName;
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
                                       @Value("${masspay.deadlines.threads:4}") int threads,
                                       @Value("${masspay.deadlines.heartbeat-interval:PT10S}") Duration heartbeat,
                                       @Value("${masspay.deadlines.shutdown-max-wait:PT30S}") Duration shutdownWait,
                                       NodeName nodeName) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), List.of(deadlineTask, eventTask))
                .threads(threads)
                .pollingInterval(polling)
                .schedulerName(new SchedulerName.Fixed(nodeName.value()))
                // A deadline picked by a node that then dies is fired again by another node once its
                // picker missed 6 heartbeats (db-scheduler's default interval, 5 min, would leave a
                // payout retry stuck for half an hour after a crash).
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(6)
                // SIGTERM: running deadlines (a rail call each) may finish within this; one cut off is
                // picked again elsewhere after the missed heartbeats, and its rail call carries the same key
                .shutdownMaxWait(shutdownWait)
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
