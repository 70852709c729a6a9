package io.masspay.infra.cluster;

import io.masspay.infra.ops.ProcessorThreadWatch;
import io.masspay.infra.ops.ProcessorThreads;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Gives every pooled processor the {@link FairSegmentShare}, before its own settings from
 * {@code axon.eventhandling.processors}. (Those processors are registered with builders of their own, so
 * this default does not displace Axon's default for saga processors either.) A class of its own: the
 * configuration that declares the share cannot also be the one that waits for it.
 */
@Configuration(proxyBeanMethods = false)
public class SegmentShareConfiguration {

    /**
     * Also extends idle claims three times per claim timeout: Axon's default (every 5 s) would let a claim
     * timeout shorter than that look dead while its node is fine, and the nodes would steal segments from
     * each other all the time.
     */
    @Autowired
    void shareSegmentsFairly(EventProcessingConfigurer processing, FairSegmentShare share, ProcessorThreads threads,
                             @Value("${masspay.tokens.claim-timeout:PT10S}") Duration claimTimeout) {
        long extendEvery = Math.max(100, claimTimeout.toMillis() / 3);
        // also the coordinators' executors, watched for a death nothing else would notice (ProcessorThreads)
        processing.registerPooledStreamingEventProcessorConfiguration(
                (config, builder) -> builder.maxSegmentProvider(share).claimExtensionThreshold(extendEvery)
                        .coordinatorExecutor(ProcessorThreadWatch.watchedCoordinators(config, threads)));
    }
}
