package cn.xiaoben.service.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize     the largest JSON request body accepted
 * @param directoryReplica whether this service keeps its own copy of the directory from directory events
 */
@ConfigurationProperties("xiaoben.service")
public record ServiceKitProperties(@DefaultValue("1MB") DataSize maxBodySize,
                                   @DefaultValue("true") boolean directoryReplica) {
}
