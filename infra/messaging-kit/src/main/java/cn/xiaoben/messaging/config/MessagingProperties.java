package cn.xiaoben.messaging.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * The messaging kit's settings ({@code xiaoben.messaging.*}).
 *
 * @param source           the CloudEvents {@code source} of this service's events (default /xiaoben/&lt;application name&gt;)
 * @param outboxCollections the MongoDB collections whose documents carry pending events
 * @param sweepInterval    how often the relay looks for events not yet published (after a crash, say)
 * @param partitions       partitions of each declared topic
 * @param replicas         replication factor of each declared topic
 * @param retries          delivery attempts of a failing event before it goes to the dead-letter topic
 */
@ConfigurationProperties("xiaoben.messaging")
public record MessagingProperties(
        String source,
        @DefaultValue List<String> outboxCollections,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("4") int retries) {
}
